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
                upstream egalis {
                    server 127.0.0.1:{{_portA}};
                    server 127.0.0.1:{{_portB}};
                    keepalive 8;
                }
                server {
                    listen 127.0.0.1:{{_port}};
                    client_max_body_size 12m;
                    location = /metrics { return 404; }
                    location / {
                        proxy_pass http://egalis;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_buffering off;
                    }
                }
            }
            """);
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.First(File.Exists);
        _nginx = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-p", _dossier, "-c", Path.Combine(_dossier, "nginx.conf") }, RedirectStandardError = true })!;
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
        var espaces = Journal().Where(l => l.Chemin == "/espace").Select(l => l.Amont).Distinct().ToList();
        Assert.Equal(2, espaces.Count);

        // A piece deposited through one node, downloaded through both.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var depot = await (await Formulaire.LireAsync(cheffe, "/deliberations/point/2", "?handler=piece")).EnvoyerAsync(cheffe, fichiers: new() { ["Piece"] = ("deux serveurs.pdf", pdf) });
        Assert.Equal(HttpStatusCode.Redirect, depot.StatusCode);
        var id = Regex.Match(await cheffe.GetStringAsync("/deliberations/point/2"), "<a href=\"/fichiers/([0-9a-f-]{36})\">deux serveurs.pdf</a>").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(pdf, await Client().GetByteArrayAsync($"/fichiers/{id}"));
        Assert.Equal(pdf, await Client().GetByteArrayAsync($"/fichiers/{id}"));
        Assert.Equal(2, Journal().Where(l => l.Chemin == $"/fichiers/{id}").Select(l => l.Amont).Distinct().Count());

        // A public page in both nodes' caches, changed through one: fresh on both (the other within its polling interval).
        var visiteur = Client();
        for (var i = 0; i < 4; i++)
        {
            Assert.DoesNotContain("Changé derrière nginx", await visiteur.GetStringAsync("/plan/action/1.6"));
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
