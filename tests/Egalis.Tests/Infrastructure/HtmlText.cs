using System.Net;

namespace Egalis.Tests.Infrastructure;

public static class HtmlText
{
    /// <summary>The page as text a person reads: entities (&#x27; for an apostrophe…) decoded.</summary>
    public static async Task<string> ReadHtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetHtmlAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
