using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Egalis.BrowserTests;

/// <summary>
/// The site as users get it: the built Egalis.Web started as a process in Development (demo
/// accounts) on a free loopback port and its own SQLite database, and Debian's Chromium.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private Process? _site;
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"egalis-browser-{Guid.NewGuid():N}");
    public string BaseUrl { get; private set; } = "";
    /// <summary>Where the site writes the e-mails it sends (a pickup folder): a test reads a link there, as a person reads their mailbox.</summary>
    public string MailsFolder => Path.Combine(_work, "mails");
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public static string ResultsFolder { get; } = Path.Combine(RepositoryRoot(), "test-results");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var web = Path.Combine(root, "src", "Egalis.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Egalis.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Compilez d'abord src/Egalis.Web.", dll);
        }
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Egalis"] = $"Data Source={Path.Combine(_work, "egalis.db")}";
        start.Environment["Smtp__PickupFolder"] = MailsFolder;
        // Every test signs in from the same address: the per-address login limit would refuse the suite, not a person.
        start.Environment["RateLimits__Login__PermitLimit"] = "1000";
        // The pages are tried on the founding data alone (the development demo would fill the budget's years).
        start.Environment["Egalis__Demo"] = "false";
        _site = Process.Start(start) ?? throw new InvalidOperationException("Le site n'a pas démarré.");
        _site.OutputDataReceived += (_, _) => { };
        _site.ErrorDataReceived += (_, _) => { };
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();
        await WaitForHealthAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EGALIS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_site!.HasExited)
            {
                throw new InvalidOperationException($"Le site s'est arrêté (code {_site.ExitCode}).");
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("Le site n'a pas répondu sur /healthz en 60 secondes.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_site is { HasExited: false })
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
        }
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Egalis.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("Egalis.slnx introuvable.");
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
