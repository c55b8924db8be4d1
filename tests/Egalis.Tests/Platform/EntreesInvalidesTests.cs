using System.Net;
using System.Text;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Platform;

/// <summary>The bad inputs that once answered 500, each now answered with a French message or a 400.</summary>
public class EntreesInvalidesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task An_empty_sub_action_code_gets_a_message()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var reponse = await EgalisFactory.PostBrutAsync(cheffe, "/plan/modifier/1.1?handler=AjouterSousAction", new() { ["NouvelleSousAction.Code"] = "", ["NouvelleSousAction.Titre"] = "" }, "/plan/modifier/1.1");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Indiquez le code de la sous-action.", await reponse.ReadHtmlAsync());
    }

    [Theory]
    [InlineData("\"code\"x;intitule\n1.4;Titre\n")]
    [InlineData("code;intitule;avancement\n1.4;Titre;Infinity\n")]
    [InlineData("code;intitule\n\"1.4;Titre sans guillemet fermant\n")]
    public async Task A_malformed_csv_file_gets_a_message(string contenu)
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var reponse = await (await Formulaire.LireAsync(cheffe, "/plan/import")).EnvoyerAsync(cheffe, new() { ["Genre"] = "Actions" },
            fichiers: new() { ["Fichier"] = ("actions.csv", Encoding.UTF8.GetBytes(contenu)) });
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("rien ne sera enregistré", await reponse.ReadHtmlAsync());
    }

    [Theory]
    [InlineData("/administration/journal?Du=0001-01-01")]
    [InlineData("/administration/journal?Au=9999-12-31")]
    public async Task Extreme_dates_in_the_audit_filter_get_a_message(string url)
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var reponse = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Indiquez une date entre 2000 et 2100.", await reponse.ReadHtmlAsync());
    }

    [Fact]
    public async Task A_huge_indicator_value_gets_a_message()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var reponse = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/ter-communes-qpv?handler=Cible", new() { ["Cible.Annee"] = "2024", ["Cible.Valeur"] = "1 000 000 000 000 000" }, "/plan/indicateur/TER-COMMUNES-QPV");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("La valeur doit être comprise entre -1 000 000 000 000 et 1 000 000 000 000.", await reponse.ReadHtmlAsync());
    }

    [Theory]
    [InlineData("/api/v1/deliberations?assemblee=%00", true)]
    [InlineData("/compte/connexion?Input.Email=a%00b@x.fr", false)]
    [InlineData("/administration/utilisateurs?Q=%00", false)]
    [InlineData("/deliberations?assemblee=CT2%00", false)]
    public async Task A_nul_character_in_a_query_string_is_refused_with_a_400(string url, bool api)
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var reponse = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var corps = await reponse.Content.ReadAsStringAsync();
        if (api)
        {
            Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
            Assert.Contains("caractère nul", corps);
        }
        else
        {
            Assert.Contains("Demande invalide", System.Net.WebUtility.HtmlDecode(corps));
        }
    }

    [Fact]
    public async Task A_nul_character_in_a_form_field_is_refused_with_a_400()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var reponse = await EgalisFactory.PostBrutAsync(cheffe, "/plan/indicateur", new() { ["Definition.Code"] = "NUL-X", ["Definition.Libelle"] = "a\0b", ["Definition.Unite"] = "u" }, "/plan/indicateur");
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
    }
}
