using Egalis.Web.Features.Plan.Pages;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Egalis.Tests.Features.Plan;

public class EchangesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string genre, byte[] fichier) =>
        await (await Formulaire.LireAsync(client, "/plan/import")).EnvoyerAsync(client, new() { ["Genre"] = genre }, fichiers: new() { ["Fichier"] = ("import.csv", fichier) });

    /// <summary>Confirms the preview through the button it shows.</summary>
    private static Task<HttpResponseMessage> AppliquerAsync(HttpClient client, string apercu) =>
        Formulaire.Depuis(apercu, "/plan/import", "?handler=appliquer").EnvoyerAsync(client);

    private static byte[] Utf8(string texte) => Encoding.UTF8.GetBytes(texte);

    private async Task<JsonElement> ActionAsync(string code)
    {
        var plan = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/plan")).RootElement;
        IEnumerable<JsonElement> Tous(JsonElement e) => e.GetProperty("enfants").EnumerateArray().SelectMany(Tous).Prepend(e);
        return plan.GetProperty("axes").EnumerateArray().SelectMany(a => a.GetProperty("actions").EnumerateArray()).SelectMany(Tous).Single(a => a.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Actions_export_as_csv_for_french_spreadsheets()
    {
        var response = await factory.Client().GetAsync("/exports/plan-actions.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pmlcd-actions.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var octets = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code;niveau;parent;intitule;description;statut;avancement;avancement_calcule;poids;service_pilote;partenaires;territoires;date_debut;date_fin", lignes[0]);
        Assert.True(lignes.Length >= 17);
        Assert.StartsWith("2.5;action;2;Fonds d'Initiative Annuel innovant;", lignes.Single(l => l.StartsWith("2.5;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Actions_indicators_and_budget_export_as_xlsx()
    {
        var actions = (await MiniExcel.QueryAsync(new MemoryStream(await factory.Client().GetByteArrayAsync("/exports/plan-actions.xlsx")), useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("1", actions[0]["code"]?.ToString());
        Assert.Contains(actions, r => r["code"]?.ToString() == "2.7" && r["intitule"]?.ToString()!.StartsWith("Campagne de communication", StringComparison.Ordinal) == true);

        var indicateurs = (await MiniExcel.QueryAsync(new MemoryStream(await factory.Client().GetByteArrayAsync("/exports/plan-indicateurs.xlsx")), useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(indicateurs, r => r["indicateur"]?.ToString() == "TER-COMMUNES-QPV" && Convert.ToDecimal(r["valeur"], System.Globalization.CultureInfo.InvariantCulture) == 15m);

        var budget = await factory.Client().GetAsync("/exports/budget-2020.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", budget.Content.Headers.ContentType?.MediaType);
        Assert.Equal("annee;action;alloue;engage;mandate;disponible", Encoding.UTF8.GetString(await factory.Client().GetByteArrayAsync("/exports/budget-2020.csv")).TrimStart('\uFEFF').Split("\r\n")[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/exports/budget-1999.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/exports/plan-actions.pdf")).StatusCode);
    }

    [Fact]
    [Soumet(typeof(ImportModel), "Appliquer")]
    public async Task An_import_is_previewed_then_applied()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var fichier = Utf8("code;parent;intitule;statut;avancement;date_debut;date_fin;territoires\n" +
                           "2.1;;;en-cours;40;01/03/2021;2022-12-31;CT1|CT2\n" +
                           "2.1.1;2.1;Veille européenne;;;;;\n");
        var apercu = await (await EnvoyerAsync(cheffe, "Actions", fichier)).ReadHtmlAsync();
        Assert.Contains("Changements (2 à enregistrer)", apercu);
        Assert.Contains("statut : a-lancer → en-cours", apercu);
        Assert.Contains("<td>création</td>", apercu);
        Assert.Equal("a-lancer", (await ActionAsync("2.1")).GetProperty("statut").GetString());

        var applique = await AppliquerAsync(cheffe, await (await EnvoyerAsync(cheffe, "Actions", fichier)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, applique.StatusCode);
        Assert.Contains("Import terminé : 2 changements enregistrés.", await cheffe.GetHtmlAsync("/plan/import"));
        var action = await ActionAsync("2.1");
        Assert.Equal("en-cours", action.GetProperty("statut").GetString());
        Assert.Equal("2021-03-01", action.GetProperty("dateDebut").GetString());
        Assert.Equal("2.1.1", action.GetProperty("enfants")[0].GetProperty("code").GetString());
    }

    [Fact]
    [Soumet(typeof(ImportModel))]
    public async Task One_bad_line_and_nothing_is_applied()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var fichier = Utf8("code;intitule;avancement;statut\n1.4;Guide renouvelé;;\n1.5;;150;\n1.6;;30;realise\n9.9;Sans parent;;\n");
        var reponse = await EnvoyerAsync(cheffe, "Actions", fichier);
        var apercu = await reponse.ReadHtmlAsync();
        Assert.Contains("3 erreurs : rien ne sera enregistré", apercu);
        Assert.Contains("<td>3</td><td>L'avancement « 150 » doit être un nombre entier de 0 à 100.</td>", apercu);
        Assert.Contains("<td>4</td><td>Une action « Réalisé » est à 100 %", apercu);
        Assert.Contains("<td>5</td><td>L'action 9.9 n'existe pas : pour la créer, indiquez le code de l'élément parent", apercu);
        Assert.DoesNotContain("handler=Appliquer", apercu);

        // Even forced, the application re-checks and writes nothing.
        var force = await EgalisFactory.PostBrutAsync(cheffe, "/plan/import?handler=Appliquer", new() { ["Genre"] = "Actions", ["Contenu"] = Convert.ToBase64String(fichier) }, "/plan/import");
        Assert.Equal(HttpStatusCode.OK, force.StatusCode);
        Assert.NotEqual("Guide renouvelé", (await ActionAsync("1.4")).GetProperty("titre").GetString());
    }

    [Fact]
    public async Task An_unchanged_export_imports_as_no_change()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.Assistant);
        var export = await factory.Client().GetByteArrayAsync("/exports/plan-actions.csv");
        var apercu = await (await EnvoyerAsync(cheffe, "Actions", export)).ReadHtmlAsync();
        Assert.True(apercu.Contains("Le fichier ne change rien"), System.Text.RegularExpressions.Regex.Match(apercu, "<main.*</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.DoesNotContain("erreur(s)", apercu);
        var indicateurs = await factory.Client().GetByteArrayAsync("/exports/plan-indicateurs.csv");
        var apercuIndicateurs = await (await EnvoyerAsync(cheffe, "Indicateurs", indicateurs)).ReadHtmlAsync();
        Assert.True(apercuIndicateurs.Contains("Le fichier ne change rien"), System.Text.RegularExpressions.Regex.Match(apercuIndicateurs, "<main.*</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task Indicator_values_and_targets_are_imported()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            db.Add(new Indicateur { Code = "STAGES-QPV", Libelle = "Stagiaires issus des QPV accueillis", Unite = "stagiaires" });
            await db.SaveChangesAsync();
        }
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var fichier = Utf8("indicateur,annee,periode,valeur,cible,commentaire\nSTAGES-QPV,2021,,\"12,5\",20,\nSTAGES-QPV,2021,t1,4,,premier trimestre\n");
        var apercu = await (await EnvoyerAsync(cheffe, "Indicateurs", fichier)).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AppliquerAsync(cheffe, apercu)).StatusCode);
        var page = await factory.Client().GetHtmlAsync("/plan/indicateurs");
        Assert.Contains("12,5", page);
        Assert.Contains("cible 20", page);

        var faux = Utf8("indicateur;annee;valeur\nINCONNU;2021;3\nSTAGES-QPV;1990;3\nSTAGES-QPV;2021;trois\n");
        var erreurs = await (await EnvoyerAsync(cheffe, "Indicateurs", faux)).ReadHtmlAsync();
        Assert.Contains("L'indicateur INCONNU n'existe pas", erreurs);
        Assert.Contains("L'année « 1990 » doit être comprise entre 2019 et 2100.", erreurs);
        Assert.Contains("La valeur « trois » n'est pas un nombre.", erreurs);
    }

    [Fact]
    public async Task A_file_saved_by_older_spreadsheet_software_keeps_its_accents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var fichier = Encoding.GetEncoding(1252).GetBytes("code;intitule\n1.2;Conférence managériale – égalité réelle\n");
        var apercu = await (await EnvoyerAsync(cheffe, "Actions", fichier)).ReadHtmlAsync();
        Assert.Contains("Conférence managériale – égalité réelle", apercu);
    }

    [Fact]
    public async Task A_wrong_header_or_an_empty_file_is_explained()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        Assert.Contains("Colonne « statu » inconnue", await (await EnvoyerAsync(cheffe, "Actions", Utf8("code;statu\n1.1;en-cours\n"))).ReadHtmlAsync());
        Assert.Contains("ne contient aucune ligne de données", await (await EnvoyerAsync(cheffe, "Actions", Utf8("code;intitule\n"))).ReadHtmlAsync());
        var token = EgalisFactory.AntiforgeryToken(await cheffe.GetStringAsync("/plan/import"));
        var sansFichier = await cheffe.PostAsync("/plan/import", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Actions"), "Genre" } });
        Assert.Contains("Choisissez un fichier CSV.", await sansFichier.ReadHtmlAsync());
    }
}
