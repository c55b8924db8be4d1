using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Egalis.Tests.Platform;

/// <summary>
/// The documented deployment, on loopback: two application nodes (real Kestrel servers) on one PostgreSQL database,
/// behind nginx from Debian, which sends each request to the next node in turn (deploy/nginx/egalis.conf, without TLS).
/// A person signed in on one node stays signed in on the other; a file deposited on one is downloaded from the other; a
/// public page changed on one is fresh on the other; a job started once runs once.
/// </summary>
public sealed class DeuxServeursTests : IDisposable
{
    private readonly TestDatabase _base = new(TestDatabase.PostgresServer);
    private readonly SecondNoeud _a;
    private readonly SecondNoeud _b;
    private readonly string _dossier = Path.Combine(Path.GetTempPath(), $"egalis-nginx-{Guid.NewGuid():N}");
    private readonly Process _nginx;
    private readonly int _port = TestSmtpServer.FreePort();
    private readonly int _portA = TestSmtpServer.FreePort();
    private readonly int _portB = TestSmtpServer.FreePort();

    public DeuxServeursTests()
    {
        _a = new SecondNoeud(_base);
        _a.UseKestrel(_portA);
        _a.StartServer();
        _b = new SecondNoeud(_base);
        _b.UseKestrel(_portB);
        _b.StartServer();
        Directory.CreateDirectory(_dossier);
        File.WriteAllText(Path.Combine(_dossier, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{_dossier}}/nginx.pid;
            error_log {{_dossier}}/error.log;
            events { worker_connections 256; }
            http {
                log_format amont '$request_method $uri $status $upstream_addr';
                access_log {{_dossier}}/access.log amont;
                client_body_temp_path {{_dossier}}/corps;
                proxy_temp_path {{_dossier}}/proxy;
                fastcgi_temp_path {{_dossier}}/fastcgi;
                uwsgi_temp_path {{_dossier}}/uwsgi;
                scgi_temp_path {{_dossier}}/scgi;
            {{ConfigurationLivree(_portA, _portB, _port)}}
            }
            """);
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.First(File.Exists);
        _nginx = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-p", _dossier, "-c", Path.Combine(_dossier, "nginx.conf") }, RedirectStandardError = true })!;
    }

    /// <summary>
    /// deploy/nginx/egalis.conf as shipped, on loopback: the nodes' ports, a plain listener instead of TLS (no
    /// certificate here), without the redirection from port 80. Everything else is the file's own.
    /// </summary>
    private static string ConfigurationLivree(int portA, int portB, int port)
    {
        var dossier = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dossier, "deploy", "nginx", "egalis.conf")))
        {
            dossier = Path.GetDirectoryName(dossier) ?? throw new InvalidOperationException("deploy/nginx/egalis.conf introuvable.");
        }
        var texte = File.ReadAllText(Path.Combine(dossier, "deploy", "nginx", "egalis.conf"));
        texte = Regex.Replace(texte, @"server \{\s*listen 80;.*?\n\}\n", "", RegexOptions.Singleline);
        texte = texte.Replace("127.0.0.1:5001", $"127.0.0.1:{portA}", StringComparison.Ordinal).Replace("127.0.0.1:5002", $"127.0.0.1:{portB}", StringComparison.Ordinal);
        texte = Regex.Replace(texte, @"^\s*listen \[::\]:443.*$", "", RegexOptions.Multiline);
        texte = Regex.Replace(texte, @"^\s*listen 443.*$", $"    listen 127.0.0.1:{port};", RegexOptions.Multiline);
        texte = Regex.Replace(texte, @"^\s*ssl_certificate.*$", "", RegexOptions.Multiline);
        Assert.DoesNotContain("ssl", texte.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Aggregate("", (a, l) => a + l), StringComparison.Ordinal);
        return texte;
    }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{_port}"),
    };

    private async Task AttendreAsync()
    {
        var limite = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await Client().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK && (await Client().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // nginx is starting.
            }
            Assert.True(DateTime.UtcNow < limite, "nginx ne répond pas : " + (File.Exists(Path.Combine(_dossier, "error.log")) ? File.ReadAllText(Path.Combine(_dossier, "error.log")) : ""));
            await Task.Delay(100);
        }
    }

    private List<(string Chemin, string Amont)> Journal() =>
        File.ReadAllLines(Path.Combine(_dossier, "access.log")).Select(l => l.Split(' ')).Select(p => (p[1], p[3])).ToList();

    /// <summary>The upstreams that served this path: nginx writes its line once the response is sent, so read until both are there.</summary>
    private async Task<int> AmontsAsync(string chemin)
    {
        var limite = DateTime.UtcNow.AddSeconds(10);
        int amonts;
        while ((amonts = Journal().Where(l => l.Chemin == chemin).Select(l => l.Amont).Distinct().Count()) < 2 && DateTime.UtcNow < limite)
        {
            await Task.Delay(50);
        }
        return amonts;
    }

    [Fact]
    public async Task Behind_nginx_two_nodes_share_sessions_files_fresh_pages_and_jobs()
    {
        await AttendreAsync();

        // Signed in through one node, the next request goes to the other: the session holds on both.
        var cheffe = Client();
        var connexion = await EgalisFactory.PostFormAsync(cheffe, "/compte/connexion", new() { ["Input.Email"] = "cheffe.projet@egalis.local", ["Input.MotDePasse"] = Egalis.Web.Features.Compte.ComptesDemo.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, connexion.StatusCode);
        for (var i = 0; i < 4; i++)
        {
            var espace = await cheffe.GetAsync("/espace");
            Assert.Equal(HttpStatusCode.OK, espace.StatusCode);
            Assert.Contains("Camille Chef de projet", await espace.Content.ReadAsStringAsync());
        }
        Assert.Equal(2, await AmontsAsync("/espace"));

        // A piece deposited through one node, downloaded through both.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var depot = await (await Formulaire.LireAsync(cheffe, "/deliberations/point/2", "?handler=piece")).EnvoyerAsync(cheffe, fichiers: new() { ["Piece"] = ("deux serveurs.pdf", pdf) });
        Assert.Equal(HttpStatusCode.Redirect, depot.StatusCode);
        var id = Regex.Match(await cheffe.GetStringAsync("/deliberations/point/2"), "<a href=\"/fichiers/([0-9a-f-]{36})\">deux serveurs.pdf</a>").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(pdf, await Client().GetByteArrayAsync($"/fichiers/{id}"));
        Assert.Equal(pdf, await Client().GetByteArrayAsync($"/fichiers/{id}"));
        Assert.Equal(2, await AmontsAsync($"/fichiers/{id}"));

        // A public page in both nodes' caches, changed through one: fresh on both (the other within its polling interval).
        var visiteur = Client();
        var servies = new List<bool>();
        // Each node renders it, then serves it from its cache: four answers in a row from the caches (round robin: two
        // from each node). The file just deposited may still evict the other node's cache once, when it polls.
        var delai = DateTime.UtcNow.AddSeconds(30);
        while (servies.Count < 4 || !servies.TakeLast(4).All(s => s))
        {
            Assert.True(DateTime.UtcNow < delai, "Les deux serveurs ne servent pas la page depuis leur cache : " + string.Join(", ", servies));
            var page = await visiteur.GetAsync("/plan/action/1.6");
            servies.Add(page.Headers.Age is not null);
            Assert.DoesNotContain("Changé derrière nginx", await page.Content.ReadAsStringAsync());
        }
        var form = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.6");
        Assert.Equal(HttpStatusCode.Redirect, (await form.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = "Changé derrière nginx" })).StatusCode);
        var limite = DateTime.UtcNow.AddSeconds(30);
        var fraiches = 0;
        while (fraiches < 4)
        {
            fraiches = (await visiteur.GetStringAsync("/plan/action/1.6")).Contains("Changé derrière nginx") ? fraiches + 1 : 0;
            Assert.True(DateTime.UtcNow < limite, "Une page publique est restée ancienne sur un des serveurs.");
        }

        // A job started once runs once, on one of the two nodes.
        long avant;
        using (var scope = _a.Services.CreateScope())
        {
            avant = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().MaxAsync(e => (long?)e.Id) ?? 0;
        }
        var planificateurA = await _a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var planificateurB = await _b.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await planificateurA.TriggerJob(new JobKey(RetentionJob.Cle));
        limite = DateTime.UtcNow.AddSeconds(60);
        List<JobRun> executions;
        while (true)
        {
            using (var scope = _a.Services.CreateScope())
            {
                executions = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().AsNoTracking().Where(e => e.Id > avant && e.Cle == RetentionJob.Cle).ToListAsync();
            }
            if (executions.Count > 0 && (await planificateurA.GetMetadata()).LocalExecutingJobs == 0 && (await planificateurB.GetMetadata()).LocalExecutingJobs == 0
                && (await planificateurA.GetTriggersOfJob(new JobKey(RetentionJob.Cle))).Count == 1)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < limite, "La tâche n'a pas tourné en une minute.");
            await Task.Delay(100);
        }
        Assert.Single(executions);
    }

    public void Dispose()
    {
        try
        {
            _nginx.Kill();
            _nginx.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _nginx.Dispose();
        _a.Dispose();
        _b.Dispose();
        _base.Dispose();
        Directory.Delete(_dossier, recursive: true);
    }
}
