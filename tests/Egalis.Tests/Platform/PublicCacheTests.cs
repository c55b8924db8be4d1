using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>
/// Public pages come from the output cache for visitors who are not signed in, and a saved change evicts them: at
/// once on the node that saved, within one polling interval on another node. Signed-in pages are never cached.
/// </summary>
public class PublicCacheTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static bool ServedFromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static async Task ChangeTitleAsync(HttpClient cheffe, string code, string titre)
    {
        var form = await Formulaire.LireAsync(cheffe, $"/plan/modifier/{code}");
        var response = await form.EnvoyerAsync(cheffe, new() { ["Input.Titre"] = titre });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_public_page_and_an_api_are_served_from_the_cache_until_a_change_evicts_them()
    {
        var visiteur = factory.Client();
        var premiere = await visiteur.GetAsync("/plan/action/1.2");
        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        Assert.False(ServedFromCache(premiere));
        var seconde = await visiteur.GetAsync("/plan/action/1.2");
        Assert.True(ServedFromCache(seconde));
        Assert.True(ServedFromCache(await visiteur.GetAsync("/plan/action/1.2")));
        await visiteur.GetAsync("/api/v1/plan");
        Assert.True(ServedFromCache(await visiteur.GetAsync("/api/v1/plan")));
        // Another query string is another page.
        Assert.False(ServedFromCache(await visiteur.GetAsync("/plan/action/1.2?vue=2")));

        await ChangeTitleAsync(await factory.SignedInAsAsync(Roles.ChefDeProjet), "1.2", "Former les agents au nouveau référentiel");

        var apres = await visiteur.GetAsync("/plan/action/1.2");
        Assert.False(ServedFromCache(apres));
        Assert.Contains("Former les agents au nouveau référentiel", await apres.Content.ReadAsStringAsync());
        var api = await visiteur.GetAsync("/api/v1/plan");
        Assert.False(ServedFromCache(api));
        Assert.Contains("Former les agents au nouveau référentiel", await api.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/plan")]
    [InlineData("/plan/action/1.1")]
    [InlineData("/plan/indicateurs")]
    [InlineData("/plan/bilan/2025")]
    [InlineData("/deliberations")]
    [InlineData("/deliberations/acte/1")]
    [InlineData("/territoires")]
    [InlineData("/donneesouvertes")]
    [InlineData("/fonds")]
    [InlineData("/accessibilite")]
    [InlineData("/mentionslegales")]
    [InlineData("/donneespersonnelles")]
    [InlineData("/api/v1/plan")]
    [InlineData("/api/v1/budget/2020")]
    [InlineData("/api/v1/deliberations")]
    [InlineData("/api/v1/communes")]
    [InlineData("/api/v1/opendata/deliberations.csv")]
    [InlineData("/api/v1/opendata/subventions.csv")]
    [InlineData("/api/v1/opendata/subventions.json")]
    public async Task Every_public_page_and_api_is_cached_for_visitors(string url)
    {
        var visiteur = factory.Client();
        var premiere = await visiteur.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        Assert.False(premiere.Headers.Contains("Set-Cookie"), $"{url} pose un cookie.");
        Assert.True(ServedFromCache(await visiteur.GetAsync(url)), $"{url} n'est pas servie depuis le cache.");
    }

    [Fact]
    public async Task Signed_in_pages_are_never_taken_from_nor_put_in_the_cache()
    {
        var visiteur = factory.Client();
        await visiteur.GetAsync("/deliberations");
        Assert.True(ServedFromCache(await visiteur.GetAsync("/deliberations")));

        var camille = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var sam = await factory.SignedInAsAsync(Roles.Assistant);
        foreach (var url in new[] { "/deliberations", "/espace", "/deliberations" })
        {
            var pourCamille = await camille.GetAsync(url);
            var pourSam = await sam.GetAsync(url);
            Assert.False(ServedFromCache(pourCamille));
            Assert.False(ServedFromCache(pourSam));
            var pageCamille = await pourCamille.Content.ReadAsStringAsync();
            var pageSam = await pourSam.Content.ReadAsStringAsync();
            Assert.Contains("Camille Chef de projet", pageCamille);
            Assert.DoesNotContain("Sam Assistant", pageCamille);
            Assert.Contains("Sam Assistant", pageSam);
            Assert.DoesNotContain("Camille Chef de projet", pageSam);
        }
        var anonyme = await (await visiteur.GetAsync("/deliberations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Camille Chef de projet", anonyme);
        Assert.DoesNotContain("Sam Assistant", anonyme);
    }

    [Fact]
    public async Task A_change_saved_on_another_node_reaches_this_node_within_its_polling_interval()
    {
        using var second = new SecondNoeud(factory.Database);
        var visiteur = factory.Client();
        await visiteur.GetAsync("/plan/action/2.3");
        Assert.True(ServedFromCache(await visiteur.GetAsync("/plan/action/2.3")));
        // A signed-in reader is not served from the output cache but from the page's read model, held until a change.
        var agent = await factory.SignedInAsAsync(Roles.Assistant);
        Assert.DoesNotContain("Observer les discriminations dans le logement", await agent.GetStringAsync("/plan/action/2.3"));

        await ChangeTitleAsync(await second.SignedInAsAsync(Roles.ChefDeProjet), "2.3", "Observer les discriminations dans le logement");

        // The first node learns of it by polling (every second by default); waiting on the page, with a deadline.
        var limite = DateTime.UtcNow.AddSeconds(30);
        while (!(await visiteur.GetStringAsync("/plan/action/2.3")).Contains("Observer les discriminations dans le logement"))
        {
            Assert.True(DateTime.UtcNow < limite, "La page du premier serveur est restée ancienne 30 secondes après le changement.");
            await Task.Delay(100);
        }
        // The same eviction cleared the read model: the signed-in reader has the change too.
        Assert.Contains("Observer les discriminations dans le logement", await agent.GetStringAsync("/plan/action/2.3"));
    }

    [Fact]
    public async Task A_signed_in_editor_sees_the_change_at_once_on_a_page_built_from_a_read_model()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        Assert.DoesNotContain("Former les agents des mairies en 2024", await cheffe.GetStringAsync("/plan?annee=2024"));
        await ChangeTitleAsync(cheffe, "1.1", "Former les agents des mairies en 2024");
        Assert.Contains("Former les agents des mairies en 2024", await cheffe.GetStringAsync("/plan?annee=2024"));
        Assert.Contains("Former les agents des mairies en 2024", await cheffe.GetStringAsync("/plan/action/1.1"));
    }

    [Fact]
    public async Task Saving_a_record_no_public_page_shows_keeps_the_cache()
    {
        var visiteur = factory.Client();
        await visiteur.GetAsync("/fonds");
        Assert.True(ServedFromCache(await visiteur.GetAsync("/fonds")));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Data.EgalisDbContext>();
            // An applicant's organisation: on no public page.
            db.Add(new Egalis.Web.Features.Fonds.Organisation { Nom = "Association privée", Siret = "44306184100015", Adresse = "1 rue", CodePostal = "13001", Ville = "Marseille", CreeLe = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.True(ServedFromCache(await visiteur.GetAsync("/fonds")));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Data.EgalisDbContext>();
            // A commune with a local plan: on the calls' pages.
            db.Add(new Egalis.Web.Features.Fonds.CommunePlanLocal { CommuneCodeInsee = "13001", Source = "Délibération" });
            await db.SaveChangesAsync();
        }
        Assert.False(ServedFromCache(await visiteur.GetAsync("/fonds")));
    }

    private static PublicReadModels ReadModels()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton<PublicReadModels>().BuildServiceProvider();
        return services.GetRequiredService<PublicReadModels>();
    }

    [Fact]
    public async Task A_read_model_is_read_once_for_concurrent_requests_and_again_after_an_eviction()
    {
        var modeles = ReadModels();
        var lectures = 0;
        var libere = new TaskCompletionSource();
        async Task<string> LireAsync(IServiceProvider _, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref lectures);
            await libere.Task;
            return $"lecture {n}";
        }
        var demandes = Enumerable.Range(0, 8).Select(_ => modeles.GetAsync("cle", LireAsync, default)).ToList();
        libere.SetResult();
        Assert.All(await Task.WhenAll(demandes), v => Assert.Equal("lecture 1", v));
        Assert.Equal("lecture 1", await modeles.GetAsync("cle", LireAsync, default));

        modeles.Evict();
        Assert.Equal("lecture 2", await modeles.GetAsync("cle", LireAsync, default));
    }

    [Fact]
    public async Task A_value_read_before_an_eviction_is_not_served_after_it()
    {
        var modeles = ReadModels();
        var commencee = new TaskCompletionSource();
        var libere = new TaskCompletionSource();
        var premiere = modeles.GetAsync("cle", async (_, _) => { commencee.SetResult(); await libere.Task; return "avant le changement"; }, default);
        await commencee.Task;
        modeles.Evict();
        libere.SetResult();
        // The request that started the read gets it (it began before the change); the next one reads again.
        Assert.Equal("avant le changement", await premiere);
        Assert.Equal("après le changement", await modeles.GetAsync("cle", (_, _) => Task.FromResult("après le changement"), default));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_a_visitor_leaving_does_not_cancel_the_read()
    {
        var modeles = ReadModels();
        await Assert.ThrowsAsync<InvalidOperationException>(() => modeles.GetAsync<string>("cle", (_, _) => throw new InvalidOperationException("base indisponible"), default));
        Assert.Equal("relue", await modeles.GetAsync("cle", (_, _) => Task.FromResult("relue"), default));

        var libere = new TaskCompletionSource();
        using var depart = new CancellationTokenSource();
        var partie = modeles.GetAsync("autre", async (_, ct) => { await libere.Task; ct.ThrowIfCancellationRequested(); return "lue pour tous"; }, depart.Token);
        depart.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => partie);
        var suivante = modeles.GetAsync("autre", (_, _) => Task.FromResult("lue deux fois"), default);
        libere.SetResult();
        Assert.Equal("lue pour tous", await suivante);
    }

    [Fact]
    public async Task A_page_rendered_before_an_eviction_is_not_stored_after_it()
    {
        var eviction = factory.Services.GetRequiredService<PublicCacheEviction>();
        var store = factory.Services.GetRequiredService<IOutputCacheStore>();
        var http = factory.Services.GetRequiredService<IHttpContextAccessor>();
        var contexte = new DefaultHttpContext();
        http.HttpContext = contexte;
        try
        {
            contexte.Items[GuardedOutputCacheStore.GenerationKey] = eviction.Generation;
            await eviction.EvictAsync();
            await store.SetAsync("test-rendu-avant", [1, 2, 3], [PublicCache.Tag], TimeSpan.FromMinutes(1), default);
            Assert.Null(await store.GetAsync("test-rendu-avant", default));

            contexte.Items[GuardedOutputCacheStore.GenerationKey] = eviction.Generation;
            await store.SetAsync("test-rendu-apres", [1, 2, 3], [PublicCache.Tag], TimeSpan.FromMinutes(1), default);
            Assert.Equal([1, 2, 3], await store.GetAsync("test-rendu-apres", default));
        }
        finally
        {
            http.HttpContext = null;
        }
    }
}
