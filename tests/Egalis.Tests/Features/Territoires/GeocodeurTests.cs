using System.Net;
using System.Text;
using Egalis.Web.Features.Territoires.Geocodage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Egalis.Tests.Features.Territoires;

/// <summary>
/// The BAN client against a real HTTP server on loopback that answers like the national
/// address API (no call leaves the machine).
/// </summary>
public sealed class GeocodeurTests : IDisposable
{
    private const string Reponse = """
        {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5.3698,43.2965]},
        "properties":{"label":"2 Quai du Port 13002 Marseille","score":0.97,"citycode":"13202"}}]}
        """;

    private readonly HttpListener _listener;
    private readonly string _url;
    private int _calls;
    private readonly Queue<Func<HttpListenerResponse, Task>> _answers = new();

    public GeocodeurTests()
    {
        // A free port can be taken by another test between the probe and the bind: try again.
        for (var essai = 1; ; essai++)
        {
            _url = $"http://127.0.0.1:{Infrastructure.TestSmtpServer.FreePort()}/search/";
            _listener = new HttpListener();
            _listener.Prefixes.Add(_url);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (essai < 10)
            {
                _listener.Close();
            }
        }
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _calls);
            LastQuery = context.Request.Url?.Query;
            var answer = _answers.Count > 0 ? _answers.Dequeue() : Json(Reponse);
            await answer(context.Response);
            context.Response.Close();
        }
    }

    private string? LastQuery { get; set; }

    private static Func<HttpListenerResponse, Task> Json(string body) => async r =>
    {
        r.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        await r.OutputStream.WriteAsync(bytes);
    };

    private static Func<HttpListenerResponse, Task> Status(int code) => r => { r.StatusCode = code; return Task.CompletedTask; };

    private BanGeocodeur Client(bool active = true, int timeoutSeconds = 5) =>
        new(new HttpClient(), Options.Create(new BanOptions { Active = active, Url = _url, TimeoutSeconds = timeoutSeconds, Tentatives = 3 }), NullLogger<BanGeocodeur>.Instance);

    [Fact]
    public async Task An_address_is_geocoded()
    {
        var found = await Client().GeocoderAsync("2 quai du port Marseille");
        Assert.NotNull(found);
        Assert.Equal(43.2965, found.Latitude, 6);
        Assert.Equal(5.3698, found.Longitude, 6);
        Assert.Equal("13202", found.CodeInsee);
        Assert.Equal("2 Quai du Port 13002 Marseille", found.Libelle);
        Assert.Contains("q=2%20quai%20du%20port%20Marseille", LastQuery);
    }

    [Fact]
    public async Task Off_by_default_no_request_is_made()
    {
        Assert.False(new BanOptions().Active);
        Assert.Null(await Client(active: false).GeocoderAsync("2 quai du port Marseille"));
        Assert.Equal(0, _calls);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        _answers.Enqueue(Status(503));
        _answers.Enqueue(Status(500));
        var found = await Client().GeocoderAsync("Marseille");
        Assert.NotNull(found);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task A_service_that_keeps_failing_gives_null_after_three_tries()
    {
        for (var i = 0; i < 3; i++) _answers.Enqueue(Status(503));
        Assert.Null(await Client().GeocoderAsync("Marseille"));
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task A_service_too_slow_times_out()
    {
        for (var i = 0; i < 3; i++) _answers.Enqueue(async r => { await Task.Delay(2500); await Json(Reponse)(r); });
        Assert.Null(await Client(timeoutSeconds: 1).GeocoderAsync("Marseille"));
    }

    [Fact]
    public async Task No_match_gives_null()
    {
        _answers.Enqueue(Json("""{"type":"FeatureCollection","features":[]}"""));
        Assert.Null(await Client().GeocoderAsync("zzzz"));
    }

    public void Dispose() => _listener.Close();
}
