// What every F# cell sees, as .NET Interactive's F# kernel offered it: display, HTML and Markdown as functions, and
// the namespaces .NET Interactive's F# kernel opened for every cell.
open System
open System.IO
open System.Text
open System.Threading.Tasks
open Microsoft.DotNet.Interactive
open Microsoft.DotNet.Interactive.Formatting

/// Shows a value as a display output of the running cell; the handle's Update replaces it in place.
let display (value: obj) : Research.Notebooks.DisplayHandle = Research.Notebooks.Displays.Display(value)

/// Marks text as HTML, so it is shown rendered.
let HTML (html: string) = Research.Notebooks.Formatting.HtmlContent(html)

/// JavaScript for the front end, shown as a script element.
let Javascript (code: string) = Research.Notebooks.Kernels.JavaScriptKernel.Bundle(code)

/// Marks text as Markdown, so it is shown rendered.
let Markdown (markdown: string) = Research.Notebooks.Formatting.MarkdownContent(markdown)
