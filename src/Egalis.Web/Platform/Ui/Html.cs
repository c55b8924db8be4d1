using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Egalis.Web.Platform.Ui;

/// <summary>
/// The HTML encoder for French pages: accented letters stay letters (markup characters are
/// still escaped), so pages are lighter and readable in source.
/// </summary>
public static class Html
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
