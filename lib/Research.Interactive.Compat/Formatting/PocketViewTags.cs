namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>
/// The HTML elements as PocketView tags, imported with <c>using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;</c>:
/// each property is a new, empty <see cref="PocketView"/> typed <c>dynamic</c>, so <c>div[style: "…"](…)</c> binds
/// attributes and content at run time as in .NET Interactive. <see cref="_"/> makes any other element (<c>_.custom(…)</c>).
/// </summary>
#pragma warning disable IDE1006, CA1707, CA1720 // Lower-case HTML element names (some are C# type words) are the API notebooks call.
public static class PocketViewTags
{
    /// <summary>An element of any name: <c>_.my_element(…)</c> is <c>&lt;my-element&gt;</c>.</summary>
    public static dynamic _ { get; } = new AnyTag();

    /// <summary>The <c>a</c> element.</summary>
    public static dynamic a => new PocketView("a");

    /// <summary>The <c>abbr</c> element.</summary>
    public static dynamic abbr => new PocketView("abbr");

    /// <summary>The <c>address</c> element.</summary>
    public static dynamic address => new PocketView("address");

    /// <summary>The <c>area</c> element.</summary>
    public static dynamic area => new PocketView("area");

    /// <summary>The <c>article</c> element.</summary>
    public static dynamic article => new PocketView("article");

    /// <summary>The <c>aside</c> element.</summary>
    public static dynamic aside => new PocketView("aside");

    /// <summary>The <c>audio</c> element.</summary>
    public static dynamic audio => new PocketView("audio");

    /// <summary>The <c>b</c> element.</summary>
    public static dynamic b => new PocketView("b");

    /// <summary>The <c>base</c> element.</summary>
    public static dynamic @base => new PocketView("base");

    /// <summary>The <c>bdi</c> element.</summary>
    public static dynamic bdi => new PocketView("bdi");

    /// <summary>The <c>bdo</c> element.</summary>
    public static dynamic bdo => new PocketView("bdo");

    /// <summary>The <c>blockquote</c> element.</summary>
    public static dynamic blockquote => new PocketView("blockquote");

    /// <summary>The <c>body</c> element.</summary>
    public static dynamic body => new PocketView("body");

    /// <summary>The <c>br</c> element.</summary>
    public static dynamic br => new PocketView("br");

    /// <summary>The <c>button</c> element.</summary>
    public static dynamic button => new PocketView("button");

    /// <summary>The <c>canvas</c> element.</summary>
    public static dynamic canvas => new PocketView("canvas");

    /// <summary>The <c>caption</c> element.</summary>
    public static dynamic caption => new PocketView("caption");

    /// <summary>The <c>center</c> element.</summary>
    public static dynamic center => new PocketView("center");

    /// <summary>The <c>cite</c> element.</summary>
    public static dynamic cite => new PocketView("cite");

    /// <summary>The <c>code</c> element.</summary>
    public static dynamic code => new PocketView("code");

    /// <summary>The <c>col</c> element.</summary>
    public static dynamic col => new PocketView("col");

    /// <summary>The <c>colgroup</c> element.</summary>
    public static dynamic colgroup => new PocketView("colgroup");

    /// <summary>The <c>data</c> element.</summary>
    public static dynamic data => new PocketView("data");

    /// <summary>The <c>datalist</c> element.</summary>
    public static dynamic datalist => new PocketView("datalist");

    /// <summary>The <c>dd</c> element.</summary>
    public static dynamic dd => new PocketView("dd");

    /// <summary>The <c>del</c> element.</summary>
    public static dynamic del => new PocketView("del");

    /// <summary>The <c>details</c> element.</summary>
    public static dynamic details => new PocketView("details");

    /// <summary>The <c>dfn</c> element.</summary>
    public static dynamic dfn => new PocketView("dfn");

    /// <summary>The <c>dialog</c> element.</summary>
    public static dynamic dialog => new PocketView("dialog");

    /// <summary>The <c>div</c> element.</summary>
    public static dynamic div => new PocketView("div");

    /// <summary>The <c>dl</c> element.</summary>
    public static dynamic dl => new PocketView("dl");

    /// <summary>The <c>dt</c> element.</summary>
    public static dynamic dt => new PocketView("dt");

    /// <summary>The <c>em</c> element.</summary>
    public static dynamic em => new PocketView("em");

    /// <summary>The <c>embed</c> element.</summary>
    public static dynamic embed => new PocketView("embed");

    /// <summary>The <c>fieldset</c> element.</summary>
    public static dynamic fieldset => new PocketView("fieldset");

    /// <summary>The <c>figcaption</c> element.</summary>
    public static dynamic figcaption => new PocketView("figcaption");

    /// <summary>The <c>figure</c> element.</summary>
    public static dynamic figure => new PocketView("figure");

    /// <summary>The <c>footer</c> element.</summary>
    public static dynamic footer => new PocketView("footer");

    /// <summary>The <c>form</c> element.</summary>
    public static dynamic form => new PocketView("form");

    /// <summary>The <c>h1</c> element.</summary>
    public static dynamic h1 => new PocketView("h1");

    /// <summary>The <c>h2</c> element.</summary>
    public static dynamic h2 => new PocketView("h2");

    /// <summary>The <c>h3</c> element.</summary>
    public static dynamic h3 => new PocketView("h3");

    /// <summary>The <c>h4</c> element.</summary>
    public static dynamic h4 => new PocketView("h4");

    /// <summary>The <c>h5</c> element.</summary>
    public static dynamic h5 => new PocketView("h5");

    /// <summary>The <c>h6</c> element.</summary>
    public static dynamic h6 => new PocketView("h6");

    /// <summary>The <c>head</c> element.</summary>
    public static dynamic head => new PocketView("head");

    /// <summary>The <c>header</c> element.</summary>
    public static dynamic header => new PocketView("header");

    /// <summary>The <c>hr</c> element.</summary>
    public static dynamic hr => new PocketView("hr");

    /// <summary>The <c>html</c> element.</summary>
    public static dynamic html => new PocketView("html");

    /// <summary>The <c>i</c> element.</summary>
    public static dynamic i => new PocketView("i");

    /// <summary>The <c>iframe</c> element.</summary>
    public static dynamic iframe => new PocketView("iframe");

    /// <summary>The <c>img</c> element.</summary>
    public static dynamic img => new PocketView("img");

    /// <summary>The <c>input</c> element.</summary>
    public static dynamic input => new PocketView("input");

    /// <summary>The <c>ins</c> element.</summary>
    public static dynamic ins => new PocketView("ins");

    /// <summary>The <c>kbd</c> element.</summary>
    public static dynamic kbd => new PocketView("kbd");

    /// <summary>The <c>label</c> element.</summary>
    public static dynamic label => new PocketView("label");

    /// <summary>The <c>legend</c> element.</summary>
    public static dynamic legend => new PocketView("legend");

    /// <summary>The <c>li</c> element.</summary>
    public static dynamic li => new PocketView("li");

    /// <summary>The <c>link</c> element.</summary>
    public static dynamic link => new PocketView("link");

    /// <summary>The <c>main</c> element.</summary>
    public static dynamic main => new PocketView("main");

    /// <summary>The <c>map</c> element.</summary>
    public static dynamic map => new PocketView("map");

    /// <summary>The <c>mark</c> element.</summary>
    public static dynamic mark => new PocketView("mark");

    /// <summary>The <c>meta</c> element.</summary>
    public static dynamic meta => new PocketView("meta");

    /// <summary>The <c>meter</c> element.</summary>
    public static dynamic meter => new PocketView("meter");

    /// <summary>The <c>nav</c> element.</summary>
    public static dynamic nav => new PocketView("nav");

    /// <summary>The <c>noscript</c> element.</summary>
    public static dynamic noscript => new PocketView("noscript");

    /// <summary>The <c>ol</c> element.</summary>
    public static dynamic ol => new PocketView("ol");

    /// <summary>The <c>optgroup</c> element.</summary>
    public static dynamic optgroup => new PocketView("optgroup");

    /// <summary>The <c>option</c> element.</summary>
    public static dynamic option => new PocketView("option");

    /// <summary>The <c>output</c> element.</summary>
    public static dynamic output => new PocketView("output");

    /// <summary>The <c>p</c> element.</summary>
    public static dynamic p => new PocketView("p");

    /// <summary>The <c>param</c> element.</summary>
    public static dynamic param => new PocketView("param");

    /// <summary>The <c>picture</c> element.</summary>
    public static dynamic picture => new PocketView("picture");

    /// <summary>The <c>pre</c> element.</summary>
    public static dynamic pre => new PocketView("pre");

    /// <summary>The <c>progress</c> element.</summary>
    public static dynamic progress => new PocketView("progress");

    /// <summary>The <c>q</c> element.</summary>
    public static dynamic q => new PocketView("q");

    /// <summary>The <c>rp</c> element.</summary>
    public static dynamic rp => new PocketView("rp");

    /// <summary>The <c>rt</c> element.</summary>
    public static dynamic rt => new PocketView("rt");

    /// <summary>The <c>ruby</c> element.</summary>
    public static dynamic ruby => new PocketView("ruby");

    /// <summary>The <c>s</c> element.</summary>
    public static dynamic s => new PocketView("s");

    /// <summary>The <c>samp</c> element.</summary>
    public static dynamic samp => new PocketView("samp");

    /// <summary>The <c>script</c> element.</summary>
    public static dynamic script => new PocketView("script");

    /// <summary>The <c>section</c> element.</summary>
    public static dynamic section => new PocketView("section");

    /// <summary>The <c>select</c> element.</summary>
    public static dynamic select => new PocketView("select");

    /// <summary>The <c>small</c> element.</summary>
    public static dynamic small => new PocketView("small");

    /// <summary>The <c>source</c> element.</summary>
    public static dynamic source => new PocketView("source");

    /// <summary>The <c>span</c> element.</summary>
    public static dynamic span => new PocketView("span");

    /// <summary>The <c>strong</c> element.</summary>
    public static dynamic strong => new PocketView("strong");

    /// <summary>The <c>style</c> element.</summary>
    public static dynamic style => new PocketView("style");

    /// <summary>The <c>sub</c> element.</summary>
    public static dynamic sub => new PocketView("sub");

    /// <summary>The <c>summary</c> element.</summary>
    public static dynamic summary => new PocketView("summary");

    /// <summary>The <c>sup</c> element.</summary>
    public static dynamic sup => new PocketView("sup");

    /// <summary>The <c>svg</c> element.</summary>
    public static dynamic svg => new PocketView("svg");

    /// <summary>The <c>table</c> element.</summary>
    public static dynamic table => new PocketView("table");

    /// <summary>The <c>tbody</c> element.</summary>
    public static dynamic tbody => new PocketView("tbody");

    /// <summary>The <c>td</c> element.</summary>
    public static dynamic td => new PocketView("td");

    /// <summary>The <c>template</c> element.</summary>
    public static dynamic template => new PocketView("template");

    /// <summary>The <c>textarea</c> element.</summary>
    public static dynamic textarea => new PocketView("textarea");

    /// <summary>The <c>tfoot</c> element.</summary>
    public static dynamic tfoot => new PocketView("tfoot");

    /// <summary>The <c>th</c> element.</summary>
    public static dynamic th => new PocketView("th");

    /// <summary>The <c>thead</c> element.</summary>
    public static dynamic thead => new PocketView("thead");

    /// <summary>The <c>time</c> element.</summary>
    public static dynamic time => new PocketView("time");

    /// <summary>The <c>title</c> element.</summary>
    public static dynamic title => new PocketView("title");

    /// <summary>The <c>tr</c> element.</summary>
    public static dynamic tr => new PocketView("tr");

    /// <summary>The <c>track</c> element.</summary>
    public static dynamic track => new PocketView("track");

    /// <summary>The <c>u</c> element.</summary>
    public static dynamic u => new PocketView("u");

    /// <summary>The <c>ul</c> element.</summary>
    public static dynamic ul => new PocketView("ul");

    /// <summary>The <c>var</c> element.</summary>
    public static dynamic var => new PocketView("var");

    /// <summary>The <c>video</c> element.</summary>
    public static dynamic video => new PocketView("video");

    /// <summary>The <c>wbr</c> element.</summary>
    public static dynamic wbr => new PocketView("wbr");
}
#pragma warning restore IDE1006, CA1707, CA1720
