// The HTML helpers of .NET Interactive's F# kernel (`CSS`, `open Html`): compiled on first use only, when a cell
// mentions them, because compiling them costs about two seconds of every F# start-up.
open System
open System.Text

/// A stylesheet for the page the notebook is shown in (a closing tag inside is neutralised, so it cannot end the element).
let CSS (css: string) = Research.Notebooks.Formatting.HtmlContent("<style>" + css.Replace("</", "<\\/") + "</style>")

/// HTML as F# values, as .NET Interactive's F# kernel offered it (`open Html`): elements take a list of attributes and
/// a list of content; content that is an element is nested, `rawText` is inserted as it is, and anything else (`str`,
/// strings, numbers) is shown as escaped text. An element renders as its HTML (display, formatters, ToString).
module Html =
    /// One attribute; its value is escaped when rendered.
    type HtmlAttribute = { Name: string; Value: string }

    /// Text inserted without escaping (from `rawText`).
    type RawHtml(html: string) =
        member _.Html = html
        override _.ToString() = html

    /// An element with its attributes and content.
    [<Sealed>]
    type HtmlElement(tag: string, attributes: HtmlAttribute list, content: obj list, isVoid: bool) =
        static let encode (text: string) = System.Net.WebUtility.HtmlEncode text
        static let rec write (builder: StringBuilder) (item: obj) =
            match item with
            | :? HtmlElement as element -> element.WriteTo builder
            | :? RawHtml as raw -> builder.Append(raw.Html) |> ignore
            | null -> ()
            | :? IFormattable as value -> builder.Append(encode (value.ToString(null, Globalization.CultureInfo.InvariantCulture))) |> ignore
            | value -> builder.Append(encode (string value)) |> ignore
        member internal _.WriteTo(builder: StringBuilder) =
            builder.Append('<').Append(tag) |> ignore
            for a in attributes do
                builder.Append(' ').Append(a.Name).Append("=\"").Append(encode a.Value).Append('"') |> ignore
            builder.Append('>') |> ignore
            if not isVoid then
                for item in content do write builder item
                builder.Append("</").Append(tag).Append('>') |> ignore
        member this.ToHtml() =
            let builder = StringBuilder()
            this.WriteTo builder
            builder.ToString()
        override this.ToString() = this.ToHtml()
        interface Research.Notebooks.Formatting.IHtmlFormattable with
            member this.ToHtml() = this.ToHtml()

    /// An element named `name`.
    let tag (name: string) (attributes: HtmlAttribute list) (content: obj list) = HtmlElement(name, attributes, content, false)
    /// An element without content (br, img, ...).
    let voidTag (name: string) (attributes: HtmlAttribute list) = HtmlElement(name, attributes, [], true)
    /// Text, escaped when rendered.
    let str (text: string) : obj = box text
    /// HTML inserted as it is: only for HTML you wrote yourself.
    let rawText (html: string) : obj = box (RawHtml html)
    /// An attribute.
    let attr (name: string) (value: string) = { Name = name; Value = value }

    let a = tag "a"
    let abbr = tag "abbr"
    let article = tag "article"
    let aside = tag "aside"
    let b = tag "b"
    let blockquote = tag "blockquote"
    let button = tag "button"
    let caption = tag "caption"
    let code = tag "code"
    let dd = tag "dd"
    let details = tag "details"
    let div = tag "div"
    let dl = tag "dl"
    let dt = tag "dt"
    let em = tag "em"
    let figcaption = tag "figcaption"
    let figure = tag "figure"
    let footer = tag "footer"
    let form = tag "form"
    let h1 = tag "h1"
    let h2 = tag "h2"
    let h3 = tag "h3"
    let h4 = tag "h4"
    let h5 = tag "h5"
    let h6 = tag "h6"
    let header = tag "header"
    let i = tag "i"
    let label = tag "label"
    let li = tag "li"
    let main = tag "main"
    let nav = tag "nav"
    let ol = tag "ol"
    let option = tag "option"
    let p = tag "p"
    let pre = tag "pre"
    let section = tag "section"
    let select = tag "select"
    let small = tag "small"
    let span = tag "span"
    let strong = tag "strong"
    let sub = tag "sub"
    let summary = tag "summary"
    let sup = tag "sup"
    let table = tag "table"
    let tbody = tag "tbody"
    let td = tag "td"
    let textarea = tag "textarea"
    let tfoot = tag "tfoot"
    let th = tag "th"
    let thead = tag "thead"
    let tr = tag "tr"
    let u = tag "u"
    let ul = tag "ul"
    let br = voidTag "br"
    let hr = voidTag "hr"
    let img = voidTag "img"
    let input = voidTag "input"

    let _id = attr "id"
    let _class = attr "class"
    let _href = attr "href"
    let _src = attr "src"
    let _alt = attr "alt"
    let _title = attr "title"
    let _type = attr "type"
    let _name = attr "name"
    let _value = attr "value"
    let _width = attr "width"
    let _height = attr "height"
    let _colspan = attr "colspan"
    let _rowspan = attr "rowspan"
    let _target = attr "target"
    /// A style attribute from declarations, e.g. `_style ["color: blue"; "margin: 0"]`.
    let _style (declarations: string list) = attr "style" (String.Join("; ", declarations))
