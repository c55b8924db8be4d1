using Egalis.Web.Features.Deliberations.Pages;
using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Deliberations;

public class ImportTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly string Fondateur = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "deliberation-2019_CT2_587.txt"));

    private async Task<string> AssembleeAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Assemblee>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>« Lire le texte » on the import form as rendered; « Enregistrer » clicks the button the preview then shows.</summary>
    private static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string handler, string assemblee, string texte)
    {
        var lu = await (await Formulaire.LireAsync(client, "/deliberations/import"))
            .EnvoyerAsync(client, new() { ["AssembleeId"] = assemblee, ["MatiereCode"] = "8.5", ["Texte"] = texte }, bouton: "Lire le texte");
        return handler == "Lire"
            ? lu
            : await Formulaire.Depuis(await lu.Content.ReadAsStringAsync(), "/deliberations/import").EnvoyerAsync(client, bouton: "Enregistrer au registre");
    }

    /// <summary>What a page does not offer, posted by hand.</summary>
    private static Task<HttpResponseMessage> ForcerAsync(HttpClient client, string handler, string assemblee, string texte) =>
        EgalisFactory.PostBrutAsync(client, $"/deliberations/import?handler={handler}",
            new() { ["AssembleeId"] = assemblee, ["MatiereCode"] = "8.5", ["Texte"] = texte }, formPage: "/deliberations/import");

    [Fact]
    public async Task The_founding_text_is_recognised_as_already_in_the_register()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var html = await (await EnvoyerAsync(cheffe, "Lire", await AssembleeAsync("CT2"), Fondateur)).ReadHtmlAsync();
        Assert.Contains("Étaient présents (55)", html);
        Assert.Contains("Excusés avec pouvoir (14)", html);
        Assert.Contains("Excusés sans pouvoir (21)", html);
        Assert.Contains("L'acte 2019_CT2_587 est déjà au registre.", html);
        Assert.DoesNotContain("Enregistrer au registre", html);
        // Saving anyway re-checks and writes nothing.
        var force = await ForcerAsync(cheffe, "Enregistrer", await AssembleeAsync("CT2"), Fondateur);
        Assert.Equal(HttpStatusCode.OK, force.StatusCode);
    }

    [Fact]
    public async Task A_past_deliberation_is_read_confirmed_and_saved()
    {
        var texte = Fondateur.Replace("2019_CT2_587", "2019_CT2_588", StringComparison.Ordinal)
            .Replace("Le 12 décembre 2019", "Le 19 décembre 2019", StringComparison.Ordinal)
            .Replace("20191212", "20191219", StringComparison.Ordinal);
        var referent = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        var ct2 = await AssembleeAsync("CT2");
        var hors = await (await ForcerAsync(referent, "Lire", await AssembleeAsync("CM"), texte)).ReadHtmlAsync();
        Assert.Contains("Choisissez une assemblée dont vous tenez le secrétariat.", hors);

        var apercu = await (await EnvoyerAsync(referent, "Lire", ct2, texte)).ReadHtmlAsync();
        Assert.DoesNotContain("à corriger avant d'enregistrer", apercu);
        Assert.Contains("Enregistrer au registre", apercu);
        var enregistre = await EnvoyerAsync(referent, "Enregistrer", ct2, texte);
        Assert.Equal(HttpStatusCode.Redirect, enregistre.StatusCode);

        var acte = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations/013-200054807-20191219-2019_CT2_588-DE")).RootElement;
        Assert.Equal((90, 55, 14, 21), (acte.GetProperty("membresEnExercice").GetInt32(), acte.GetProperty("presents").GetInt32(), acte.GetProperty("representes").GetInt32(), acte.GetProperty("absents").GetInt32()));
        Assert.Equal("prend_acte", acte.GetProperty("resultat").GetString());
        Assert.True(acte.GetProperty("quorumAtteint").GetBoolean());
        Assert.Equal("acquitte", acte.GetProperty("transmission").GetProperty("statut").GetString());
        using var scope = factory.Services.CreateScope();
        // The members were matched to the council's existing terms: no duplicate member was created.
        Assert.Equal(90, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Elu>().CountAsync());
    }

    [Fact]
    public async Task A_text_of_another_assembly_is_refused_and_nothing_is_added_to_the_chosen_one()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var texte = Fondateur.Replace("2019_CT2_587", "2019_CT2_590", StringComparison.Ordinal);
        var form = await Formulaire.LireAsync(cheffe, "/deliberations/import");
        var lu = await form.EnvoyerAsync(cheffe, new() { ["AssembleeId"] = await AssembleeAsync("BUREAU"), ["Texte"] = texte }, bouton: "Lire le texte");
        var html = await lu.ReadHtmlAsync();
        Assert.Contains("Le texte est celui d'une délibération du « Conseil de Territoire du Pays d'Aix », pas du « Bureau de la Métropole » choisi : choisissez la bonne assemblée.", html);
        Assert.DoesNotContain("Enregistrer au registre", html);
        // Posted anyway to the saving handler: refused, and the Bureau still has no member.
        var force = await form.EnvoyerAsync(cheffe, new() { ["AssembleeId"] = await AssembleeAsync("BUREAU"), ["Texte"] = texte, ["!handler"] = "Enregistrer" });
        Assert.Equal(HttpStatusCode.OK, force.StatusCode);
        using var scope = factory.Services.CreateScope();
        var bureau = int.Parse(await AssembleeAsync("BUREAU"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Mandat>().CountAsync(m => m.AssembleeId == bureau));
    }

    [Fact]
    [Soumet(typeof(ImportModel), "Lire")]
    [Soumet(typeof(ImportModel), "Enregistrer")]
    [Soumet(typeof(PointModel), "AnnulerImport")]
    public async Task An_import_is_undone_with_the_members_it_created_and_nothing_else()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        // Another session of the council, where one member the register does not know yet was present.
        var texte = Fondateur.Replace("2019_CT2_587", "2019_CT2_601", StringComparison.Ordinal)
            .Replace("Le 12 décembre 2019", "Le 16 décembre 2019", StringComparison.Ordinal)
            .Replace("20191212", "20191216", StringComparison.Ordinal)
            .Replace("TERME Françoise", "NOUVELLE Élue", StringComparison.Ordinal);
        var form = await Formulaire.LireAsync(cheffe, "/deliberations/import");
        var ct2 = await AssembleeAsync("CT2");
        var apercu = Formulaire.Depuis(await (await form.EnvoyerAsync(cheffe, new() { ["AssembleeId"] = ct2, ["Texte"] = texte }, bouton: "Lire le texte")).Content.ReadAsStringAsync(), "/deliberations/import");
        var enregistre = await apercu.EnvoyerAsync(cheffe, bouton: "Enregistrer au registre");
        Assert.Equal(HttpStatusCode.Redirect, enregistre.StatusCode);
        var urlPoint = enregistre.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/api/v1/deliberations/013-200054807-20191216-2019_CT2_601-DE")).StatusCode);
        int elus;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            Assert.True(await db.Set<Elu>().AnyAsync(e => e.Nom == "NOUVELLE Élue"));
            elus = await db.Set<Elu>().CountAsync();
        }

        var annulation = await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=annulerimport")).EnvoyerAsync(cheffe);
        Assert.Equal(HttpStatusCode.Redirect, annulation.StatusCode);
        Assert.Contains("Import annulé : l'acte", await cheffe.GetHtmlAsync("/deliberations/import"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/api/v1/deliberations/013-200054807-20191216-2019_CT2_601-DE")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            Assert.False(await db.Set<Elu>().AnyAsync(e => e.Nom == "NOUVELLE Élue"));
            Assert.Equal(elus - 1, await db.Set<Elu>().CountAsync());
            Assert.False(await db.Set<Seance>().AnyAsync(s => s.Date == new DateOnly(2019, 12, 16)));
            Assert.True(await db.Set<Mandat>().AnyAsync(m => m.Elu!.Nom == "TERME Françoise"));
        }
    }
}
