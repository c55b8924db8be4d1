using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Territoires;

namespace Egalis.Tests.Features.Deliberations;

public class RegistreTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private const string Fondateur = "013-200054807-20191212-2019_CT2_587-DE";

    private static JsonElement Transcription =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceData.DefaultFolder, "pmlcd-2019.json"))).RootElement.GetProperty("deliberations")[1];

    [Fact]
    public async Task The_founding_act_has_the_figures_of_the_founding_text()
    {
        var response = await factory.Client().GetAsync($"/api/v1/deliberations/{Fondateur}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var acte = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Fondateur, acte.GetProperty("actesId").GetString());
        Assert.Equal("2019_CT2_587", acte.GetProperty("numero").GetString());
        Assert.Equal("CT2", acte.GetProperty("assemblee").GetString());
        Assert.Equal("Conseil de Territoire du Pays d'Aix", acte.GetProperty("assembleeNom").GetString());
        Assert.Equal("2019-12-12", acte.GetProperty("date").GetString());
        Assert.Equal("Adoption d'un plan Métropolitain de prévention et de lutte contre les discriminations", acte.GetProperty("objet").GetString());
        Assert.Equal("8.5", acte.GetProperty("matiere").GetProperty("code").GetString());
        Assert.Equal("Politique de la ville-habitat-logement", acte.GetProperty("matiere").GetProperty("nom").GetString());
        Assert.Equal("DE", acte.GetProperty("nature").GetString());
        Assert.Equal("prend_acte", acte.GetProperty("resultat").GetString());
        Assert.Equal((90, 55, 14, 21), (acte.GetProperty("membresEnExercice").GetInt32(), acte.GetProperty("presents").GetInt32(), acte.GetProperty("representes").GetInt32(), acte.GetProperty("absents").GetInt32()));
        Assert.True(acte.GetProperty("quorumAtteint").GetBoolean());
        Assert.Equal(JsonValueKind.Null, acte.GetProperty("votes").ValueKind);
        var transmission = acte.GetProperty("transmission");
        Assert.Equal(("acquitte", "2020-01-09", "2020-01-09"), (transmission.GetProperty("statut").GetString(), transmission.GetProperty("dateTransmission").GetString(), transmission.GetProperty("dateAccuse").GetString()));
    }

    [Fact]
    public async Task The_metropoles_deliberation_is_in_the_register_as_adopted()
    {
        var liste = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations?assemblee=CM&annee=2019")).RootElement;
        var adoption = Assert.Single(liste.EnumerateArray());
        Assert.Equal("2019-12-19", adoption.GetProperty("date").GetString());
        Assert.Equal("adoptee", adoption.GetProperty("resultat").GetString());
        // The extract gives neither the act number nor the counts: they stay unknown rather than invented.
        Assert.Equal(JsonValueKind.Null, adoption.GetProperty("actesId").ValueKind);
        Assert.Equal(JsonValueKind.Null, adoption.GetProperty("membresEnExercice").ValueKind);
        Assert.Equal(2, JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations?annee=2019")).RootElement.GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations?assemblee=CT2&annee=2020")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_list_comes_in_pages_with_the_total_and_the_links_to_the_neighbouring_pages()
    {
        var premiere = await factory.Client().GetAsync("/api/v1/deliberations?annee=2019&parPage=1");
        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        Assert.Equal("2", Assert.Single(premiere.Headers.GetValues("X-Total-Count")));
        Assert.Equal("</api/v1/deliberations?annee=2019&page=2&parPage=1>; rel=\"next\"", Assert.Single(premiere.Headers.GetValues("Link")));
        // The most recent first: the Métropole's council of 19 December, then the Pays d'Aix of 12 December.
        Assert.Equal("2019-12-19", JsonDocument.Parse(await premiere.Content.ReadAsStringAsync()).RootElement[0].GetProperty("date").GetString());

        var seconde = await factory.Client().GetAsync("/api/v1/deliberations?annee=2019&parPage=1&page=2");
        Assert.Equal("</api/v1/deliberations?annee=2019&page=1&parPage=1>; rel=\"prev\"", Assert.Single(seconde.Headers.GetValues("Link")));
        Assert.Equal("2019-12-12", JsonDocument.Parse(await seconde.Content.ReadAsStringAsync()).RootElement[0].GetProperty("date").GetString());

        var auDela = await factory.Client().GetAsync("/api/v1/deliberations?annee=2019&parPage=1&page=3");
        Assert.Equal(0, JsonDocument.Parse(await auDela.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
        Assert.Equal("</api/v1/deliberations?annee=2019&page=2&parPage=1>; rel=\"prev\"", Assert.Single(auDela.Headers.GetValues("Link")));

        foreach (var (requete, champ) in new[] { ("parPage=0", "parPage"), ("parPage=501", "parPage"), ("page=0", "page"), ("page=deux", "page") })
        {
            var refus = await factory.Client().GetAsync($"/api/v1/deliberations?{requete}");
            Assert.Equal(HttpStatusCode.BadRequest, refus.StatusCode);
            Assert.True(JsonDocument.Parse(await refus.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(champ, out _), requete);
        }
    }

    [Theory]
    [InlineData("pas-un-identifiant", HttpStatusCode.BadRequest)]
    [InlineData("013-200054808-20191212-2019_CT2_587-DE", HttpStatusCode.BadRequest)]
    [InlineData("013-200054807-20191213-2019_CT2_587-DE", HttpStatusCode.NotFound)]
    [InlineData("013-200054807-20191212-2019_CT2_999-DE", HttpStatusCode.NotFound)]
    public async Task Malformed_and_unknown_identifiers_are_problems(string id, HttpStatusCode attendu)
    {
        var response = await factory.Client().GetAsync($"/api/v1/deliberations/{id}");
        Assert.Equal(attendu, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Client().GetAsync("/api/v1/deliberations?annee=deux")).StatusCode);
    }

    [Fact]
    public async Task The_act_page_carries_the_same_names_in_the_same_three_lists_as_the_founding_text()
    {
        var liste = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/deliberations?assemblee=CT2")).RootElement;
        var html = await factory.Client().GetHtmlAsync("/deliberations");
        var id = System.Text.RegularExpressions.Regex.Match(html, "/deliberations/acte/(\\d+)\">Adoption d'un plan Métropolitain de prévention et de lutte contre les discriminations</a></th>\\s*<td>prise d'acte").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(1, liste.GetArrayLength());
        var page = await factory.Client().GetHtmlAsync($"/deliberations/acte/{id}");

        string Liste(string titre) => System.Text.RegularExpressions.Regex.Match(page, $"<h3>{titre} \\(\\d+\\)</h3>\\s*<p>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var presents = Liste("Étaient présents").Split(" – ");
        var pouvoirs = Liste("Excusés avec pouvoir").Split(" – ");
        var excuses = Liste("Excusés sans pouvoir").Split(" – ");
        var t = Transcription;
        Assert.Equal(t.GetProperty("present").EnumerateArray().Select(e => e.GetString()), presents);
        Assert.Equal(t.GetProperty("absent_with_proxy").EnumerateArray().Select(e => $"{e.GetProperty("member").GetString()} donne pouvoir à {e.GetProperty("proxy_holder").GetString()}").Order(), pouvoirs.Order());
        Assert.Equal(t.GetProperty("absent_without_proxy").EnumerateArray().Select(e => e.GetString()).Order(), excuses.Order());
        Assert.Equal((55, 14, 21), (presents.Length, pouvoirs.Length, excuses.Length));
        Assert.StartsWith("JOISSAINS MASINI Maryse", presents[0]);
        Assert.Contains("AMAROUCHE Annie donne pouvoir à LAFON Henri", pouvoirs);
        Assert.Contains("Secrétaire de séance : CALAFAT Roxane", page);
        Assert.Contains("Rapporteur : MANCEL Joël", page);
        Assert.Contains("Après avoir pris connaissance du rapport, le Conseil de Territoire en prend acte et le transforme en délibération.", page);
        Assert.Contains("Les crédits nécessaires sont inscrits au budget de la Métropole, sous-politique D110, nature 65748, fonction 552", page);
        Assert.Contains("s'est réuni au Château Saint-Hilaire à Coudoux, sur la convocation qui lui a été adressée le 6 décembre 2019", page);
        Assert.DoesNotContain("Accusé de réception", page.Split("<h2>Rapport</h2>")[1]);
    }

    [Fact]
    public async Task Acts_are_linked_to_plan_actions_and_credits_and_those_pages_show_them()
    {
        var publique = await factory.Client().GetHtmlAsync("/plan");
        Assert.Contains("Conseil de la Métropole Aix-Marseille-Provence, 19 décembre 2019 (adoptée)", publique);
        Assert.Contains("Conseil de Territoire du Pays d'Aix, 12 décembre 2019 (prise d'acte)", publique);

        var cheffe = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.ChefDeProjet);
        Assert.Contains("Conseil de la Métropole Aix-Marseille-Provence, 19/12/2019", await cheffe.GetHtmlAsync("/budget?annee=2020"));
        Assert.DoesNotContain("<h2>Délibérations</h2>", await factory.Client().GetHtmlAsync("/plan/action/1.3"));

        var registre = await factory.Client().GetHtmlAsync("/deliberations?assemblee=CT2");
        var id = System.Text.RegularExpressions.Regex.Match(registre, "/deliberations/acte/(\\d+)\"").Groups[1].Value;
        var lien = await EgalisFactory.PostFormAsync(cheffe, $"/deliberations/point/{id}?handler=Lien", new() { ["Lien.Reference"] = "plan-action|1.3" }, formPage: $"/deliberations/point/{id}");
        Assert.Equal(HttpStatusCode.Redirect, lien.StatusCode);
        var doublon = await EgalisFactory.PostFormAsync(cheffe, $"/deliberations/point/{id}?handler=Lien", new() { ["Lien.Reference"] = "plan-action|1.3" }, formPage: $"/deliberations/point/{id}");
        Assert.Contains("Ce lien existe déjà.", await doublon.ReadHtmlAsync());
        var inconnu = await EgalisFactory.PostBrutAsync(cheffe, $"/deliberations/point/{id}?handler=Lien", new() { ["Lien.Reference"] = "plan-action|9.9" }, formPage: $"/deliberations/point/{id}");
        Assert.Contains("Choisissez un élément de la liste.", await inconnu.ReadHtmlAsync());

        var action = await factory.Client().GetHtmlAsync("/plan/action/1.3");
        Assert.Contains("<h2>Délibérations</h2>", action);
        Assert.Contains($"href=\"/deliberations/acte/{id}\">Conseil de Territoire du Pays d'Aix, 12/12/2019", action);
        Assert.Contains("Action 1.3 du plan", await cheffe.GetHtmlAsync($"/deliberations/point/{id}"));
    }
}
