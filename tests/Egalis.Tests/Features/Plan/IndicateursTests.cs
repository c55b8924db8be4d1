using Egalis.Web.Platform.Extensions;
using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Features.Plan;

public class AtteinteTests
{
    [Theory]
    [InlineData(SensIndicateur.Hausse, 120, 100, true)]
    [InlineData(SensIndicateur.Hausse, 100, 100, true)]
    [InlineData(SensIndicateur.Hausse, 99, 100, false)]
    [InlineData(SensIndicateur.Baisse, 80, 100, true)]
    [InlineData(SensIndicateur.Baisse, 101, 100, false)]
    public void A_target_is_reached_in_the_indicators_direction(SensIndicateur sens, int valeur, int cible, bool attendu) =>
        Assert.Equal(attendu, IndicateursService.Atteint(sens, valeur, cible));

    [Fact]
    public void Without_a_value_or_a_target_nothing_is_said() =>
        Assert.Null(IndicateursService.Atteint(SensIndicateur.Hausse, null, 10));
}

public class IndicateursTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task The_territories_indicator_is_computed_from_the_reference_data()
    {
        var html = await factory.Client().GetHtmlAsync("/plan/indicateurs");
        Assert.Contains("Communes de la Métropole ayant au moins un quartier prioritaire", html);
        Assert.Contains("TER-COMMUNES-QPV – calculé automatiquement", html);
        Assert.Matches("<td class=\"text-end text-nowrap\">15</td>", html);
    }

    [Fact]
    public async Task The_team_defines_an_indicator_with_targets_and_values()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var creation = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur", new()
        {
            ["Definition.Code"] = "FORM-AGENTS", ["Definition.Libelle"] = "Agents formés à la prévention des discriminations",
            ["Definition.Unite"] = "agents", ["Definition.Sens"] = "Hausse", ["Definition.ActionCode"] = "1.3", ["Definition.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, creation.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/FORM-AGENTS?handler=Cible", new() { ["Cible.Annee"] = "2021", ["Cible.Valeur"] = "100" }, formPage: "/plan/indicateur/FORM-AGENTS")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/FORM-AGENTS?handler=Valeur", new() { ["Valeur.Annee"] = "2021", ["Valeur.Valeur"] = "120" }, formPage: "/plan/indicateur/FORM-AGENTS")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/FORM-AGENTS?handler=Valeur", new() { ["Valeur.Annee"] = "2021", ["Valeur.Periode"] = "s1", ["Valeur.Valeur"] = "45,5" }, formPage: "/plan/indicateur/FORM-AGENTS")).StatusCode);

        var page = await factory.Client().GetHtmlAsync("/plan/indicateurs");
        Assert.Contains("120 (cible 100)", page.Replace("<span> ", "").Replace("</span>", ""));
        Assert.Contains("atteinte", page);
        var detail = await cheffe.GetHtmlAsync("/plan/indicateur/FORM-AGENTS");
        Assert.Contains("<td>S1</td><td class=\"text-end\">45,5</td>", detail);

        var baisse = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur", new()
        {
            ["Definition.Code"] = "DELAI-REPONSE", ["Definition.Libelle"] = "Délai moyen de réponse aux victimes", ["Definition.Unite"] = "jours", ["Definition.Sens"] = "Baisse", ["Definition.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, baisse.StatusCode);
        await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/DELAI-REPONSE?handler=Cible", new() { ["Cible.Annee"] = "2021", ["Cible.Valeur"] = "10" }, formPage: "/plan/indicateur/DELAI-REPONSE");
        await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/DELAI-REPONSE?handler=Valeur", new() { ["Valeur.Annee"] = "2021", ["Valeur.Valeur"] = "14" }, formPage: "/plan/indicateur/DELAI-REPONSE");
        Assert.Contains("non atteinte", await factory.Client().GetHtmlAsync("/plan/indicateurs"));
    }

    [Fact]
    [Soumet(typeof(Egalis.Web.Features.Plan.Pages.IndicateurModel), "")]
    public async Task Two_people_editing_an_indicator_at_once_the_second_is_told_what_was_saved_and_keeps_their_input()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var assistant = await factory.SignedInAsAsync(Roles.Assistant);
        Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur", new()
        {
            ["Definition.Code"] = "SIGNALEMENTS", ["Definition.Libelle"] = "Signalements reçus", ["Definition.Unite"] = "signalements", ["Definition.Sens"] = "Hausse",
        })).StatusCode);
        // Both open the form; the team leader saves first.
        var premier = await Formulaire.LireAsync(cheffe, "/plan/indicateur/SIGNALEMENTS", "/plan/indicateur/SIGNALEMENTS");
        var second = await Formulaire.LireAsync(assistant, "/plan/indicateur/SIGNALEMENTS", "/plan/indicateur/SIGNALEMENTS");
        Assert.Equal(HttpStatusCode.Redirect, (await premier.EnvoyerAsync(cheffe, new() { ["Definition.Libelle"] = "Signalements reçus par la cellule" })).StatusCode);

        var refus = await second.EnvoyerAsync(assistant, new() { ["Definition.Unite"] = "dossiers" });
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        var html = await refus.ReadHtmlAsync();
        Assert.Contains("Cette fiche a été modifiée par quelqu'un d'autre pendant votre saisie : rien n'a été enregistré. Enregistré entre-temps : libellé « Signalements reçus par la cellule », unité « signalements ». Vos saisies sont conservées ci-dessous.", html);
        Assert.Contains("value=\"dossiers\"", html);

        // Saving again from there is a deliberate choice: it replaces what was saved meanwhile.
        Assert.Equal(HttpStatusCode.Redirect, (await Formulaire.Depuis(html, "/plan/indicateur/SIGNALEMENTS", "/plan/indicateur/SIGNALEMENTS").EnvoyerAsync(assistant)).StatusCode);
        Assert.Contains("dossiers", await cheffe.GetHtmlAsync("/plan/indicateur/SIGNALEMENTS"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_french_messages()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.Assistant);
        var code = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur", new() { ["Definition.Code"] = "mauvais code", ["Definition.Libelle"] = "", ["Definition.Unite"] = "x", ["Definition.Sens"] = "Hausse" });
        var html = await code.ReadHtmlAsync();
        Assert.Contains("Le code est fait de 2 à 30 majuscules", html);
        Assert.Contains("Indiquez l'intitulé de l'indicateur.", html);
        var doublon = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur", new() { ["Definition.Code"] = "TER-COMMUNES-QPV", ["Definition.Libelle"] = "x", ["Definition.Unite"] = "x", ["Definition.Sens"] = "Hausse" });
        Assert.Contains("Le code TER-COMMUNES-QPV est déjà utilisé.", await doublon.ReadHtmlAsync());
        var calcule = await EgalisFactory.PostBrutAsync(cheffe, "/plan/indicateur/TER-COMMUNES-QPV?handler=Valeur", new() { ["Valeur.Annee"] = "2021", ["Valeur.Valeur"] = "3" }, formPage: "/plan/indicateur/TER-COMMUNES-QPV");
        Assert.Contains("calculé automatiquement : ses valeurs ne se saisissent pas", await calcule.ReadHtmlAsync());
        var periode = await EgalisFactory.PostFormAsync(cheffe, "/plan/indicateur/TER-COMMUNES-QPV?handler=Cible", new() { ["Cible.Annee"] = "3000", ["Cible.Valeur"] = "trois" }, formPage: "/plan/indicateur/TER-COMMUNES-QPV");
        var texte = await periode.ReadHtmlAsync();
        Assert.Contains("L'année doit être comprise entre 2019 et 2100.", texte);
        Assert.Contains("« trois » n'est pas un nombre", texte);
        Assert.Equal(HttpStatusCode.NotFound, (await cheffe.GetAsync("/plan/indicateur/INCONNU")).StatusCode);
    }
}
