using Egalis.Web.Features.Plan.Pages;
using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Features.Plan;

/// <summary>The plan's forms, submitted as the pages render them (their own action URL and fields).</summary>
public class PlanFormulairesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    [Soumet(typeof(IndicateurModel))]
    [Soumet(typeof(IndicateurModel), "Cible")]
    [Soumet(typeof(IndicateurModel), "Valeur")]
    public async Task An_indicator_created_in_its_form_takes_targets_and_values_through_the_page_it_lands_on()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var creation = await (await Formulaire.LireAsync(cheffe, "/plan/indicateur")).EnvoyerAsync(cheffe, new()
        {
            ["Definition.Code"] = "FORM-ELUS", ["Definition.Libelle"] = "Élus sensibilisés", ["Definition.Unite"] = "élus", ["Definition.ActionCode"] = "1.1",
        });
        Assert.Equal(HttpStatusCode.Redirect, creation.StatusCode);
        // The site writes its addresses in lower case: the page and its forms must work from there.
        var page = creation.Headers.Location!.OriginalString;
        Assert.Equal("/plan/indicateur/form-elus", page);
        Assert.Contains("Indicateur FORM-ELUS créé.", await cheffe.GetHtmlAsync(page));

        var cible = await (await Formulaire.LireAsync(cheffe, page, "?handler=cible")).EnvoyerAsync(cheffe, new() { ["Cible.Annee"] = "2024", ["Cible.Valeur"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, cible.StatusCode);
        Assert.Contains("Cible 2024 fixée à 40.", await cheffe.GetHtmlAsync(cible.Headers.Location!.OriginalString));
        var valeur = await (await Formulaire.LireAsync(cheffe, page, "?handler=valeur")).EnvoyerAsync(cheffe, new() { ["Valeur.Annee"] = "2024", ["Valeur.Valeur"] = "12,5", ["Valeur.Commentaire"] = "Premier semestre" });
        Assert.Equal(HttpStatusCode.Redirect, valeur.StatusCode);
        Assert.Contains("<td class=\"text-end\">12,5</td>", await cheffe.GetHtmlAsync("/plan/indicateur/FORM-ELUS"));

        var invalide = await (await Formulaire.LireAsync(cheffe, page, "?handler=valeur")).EnvoyerAsync(cheffe, new() { ["Valeur.Annee"] = "2024", ["Valeur.Valeur"] = "douze", ["Valeur.Commentaire"] = "Gardé" });
        var html = await invalide.ReadHtmlAsync();
        Assert.Contains("« douze » n'est pas un nombre", html);
        Assert.Contains("value=\"Gardé\"", html);
    }

    [Fact]
    [Soumet(typeof(ModifierModel), "AjouterSousAction")]
    public async Task A_first_sub_action_asks_before_it_replaces_the_progress_entered_on_its_parent()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var edition = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.4");
        Assert.Equal(HttpStatusCode.Redirect, (await edition.EnvoyerAsync(cheffe, new() { ["Input.StatutCode"] = "en-cours", ["Input.Progression"] = "40" })).StatusCode);

        var form = await Formulaire.LireAsync(cheffe, "/plan/modifier/1.4", "?handler=ajoutersousaction");
        var sansConfirmation = await form.EnvoyerAsync(cheffe, new() { ["NouvelleSousAction.Code"] = "1.4.1", ["NouvelleSousAction.Titre"] = "Guide en ligne" });
        var html = await sansConfirmation.ReadHtmlAsync();
        Assert.Contains("1.4 a un avancement saisi de 40 %. Avec une première sous-action, son avancement devient la moyenne de ses sous-actions (0 % pour une sous-action à lancer) : cochez la case pour confirmer.", html);
        Assert.Contains("value=\"Guide en ligne\"", html);
        Assert.Equal(40, Progression(await factory.Client().GetStringAsync("/api/v1/plan"), "1.4"));

        var confirme = await form.EnvoyerAsync(cheffe, new() { ["NouvelleSousAction.Code"] = "1.4.1", ["NouvelleSousAction.Titre"] = "Guide en ligne", ["NouvelleSousAction.RemplacerAvancement"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirme.StatusCode);
        Assert.Contains("Sous-action 1.4.1 ajoutée. L'avancement de 1.4 n'est plus saisi (40 %) : il est maintenant la moyenne de ses sous-actions.", await cheffe.GetHtmlAsync(confirme.Headers.Location!.OriginalString));
        Assert.Equal(0, Progression(await factory.Client().GetStringAsync("/api/v1/plan"), "1.4"));
    }

    [Fact]
    public async Task Plan_dates_stay_within_the_plans_years()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var edition = await (await Formulaire.LireAsync(cheffe, "/plan/modifier/2.2")).EnvoyerAsync(cheffe, new() { ["Input.DateDebut"] = "1900-01-01", ["Input.DateFin"] = "9999-12-31" });
        var html = await edition.ReadHtmlAsync();
        // Next to each of the two fields.
        Assert.Contains("<p class=\"champ__erreur\" id=\"Input_DateDebut-erreur\"><span class=\"visually-hidden\">Erreur : </span>La date de début doit être comprise entre le 01/01/2019 et le 31/12/2100.</p>", html);
        Assert.Contains("<p class=\"champ__erreur\" id=\"Input_DateFin-erreur\"><span class=\"visually-hidden\">Erreur : </span>La date de fin doit être comprise entre le 01/01/2019 et le 31/12/2100.</p>", html);
        var jalon = await (await Formulaire.LireAsync(cheffe, "/plan/modifier/2.2", "?handler=ajouterjalon")).EnvoyerAsync(cheffe, new() { ["NouveauJalon.Date"] = "0001-01-01", ["NouveauJalon.Titre"] = "Jalon impossible" });
        Assert.Contains("La date du jalon doit être comprise entre le 01/01/2019 et le 31/12/2100.", await jalon.ReadHtmlAsync());
        Assert.DoesNotContain("Jalon impossible", await factory.Client().GetHtmlAsync("/plan/action/2.2"));
    }

    private static int Progression(string json, string code)
    {
        static JsonElement? Chercher(JsonElement e, string code)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) && c.GetString() == code)
            {
                return e;
            }
            foreach (var enfant in e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Select(p => p.Value) : [])
            {
                if (Chercher(enfant, code) is { } trouve)
                {
                    return trouve;
                }
            }
            return null;
        }
        return Chercher(JsonDocument.Parse(json).RootElement, code)!.Value.GetProperty("progression").GetInt32();
    }
}
