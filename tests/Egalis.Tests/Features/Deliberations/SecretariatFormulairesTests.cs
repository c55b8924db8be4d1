using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations.Pages;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>The secretariat's remaining forms, as rendered: session, commission, bureau, taking note, links.</summary>
public class SecretariatFormulairesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    [Soumet(typeof(GestionModel))]
    [Soumet(typeof(GestionModel), "Commission")]
    [Soumet(typeof(AssembleeModel))]
    [Soumet(typeof(SeanceModel), "Bureau")]
    [Soumet(typeof(SeanceModel), "Point")]
    [Soumet(typeof(PointModel), "PriseActe")]
    [Soumet(typeof(PointModel), "Lien")]
    public async Task A_commission_meets_takes_note_and_links_its_act_to_the_plan()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var commission = await Formulaire.LireAsync(cheffe, "/deliberations/gestion", "?handler=commission");
        var mauvais = await commission.EnvoyerAsync(cheffe, new() { ["Commission.Code"] = "x", ["Commission.Nom"] = "Commission Égalité" });
        var html = await mauvais.ReadHtmlAsync();
        Assert.Contains("Le code fait de 2 à 30 majuscules, chiffres ou tirets, par exemple COM-COHESION.", html);
        Assert.Contains("value=\"Commission Égalité\"", html);
        var creee = await commission.EnvoyerAsync(cheffe, new() { ["Commission.Code"] = "com-egalite", ["Commission.Nom"] = "Commission Égalité" });
        var urlAssemblee = creee.Headers.Location!.OriginalString;
        var id = urlAssemblee.Split('/').Last();

        var membre = await Formulaire.LireAsync(cheffe, urlAssemblee);
        var sansNom = await membre.EnvoyerAsync(cheffe, new() { ["Input.Nom"] = "", ["Input.Debut"] = "2021-01-04" });
        Assert.Contains("Indiquez le nom du membre.", await sansNom.ReadHtmlAsync());
        foreach (var nom in new[] { "ROUX Inès", "BLANC Omar", "NOIR Lina" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await membre.EnvoyerAsync(cheffe, new() { ["Input.Nom"] = nom, ["Input.Debut"] = "2021-01-04" })).StatusCode);
        }
        Assert.Contains("Mandat de NOIR Lina ajouté à l'assemblée.", await cheffe.GetHtmlAsync(urlAssemblee));

        // Each text says its size limit next to it, from the rule the server applies.
        Assert.Contains("par exemple « dans la salle des délibérations de l'hôtel de ville ». 200 caractères au plus.", await cheffe.GetHtmlAsync("/deliberations/gestion"));
        var seance = await Formulaire.LireAsync(cheffe, "/deliberations/gestion");
        var impossible = await seance.EnvoyerAsync(cheffe, new() { ["Input.AssembleeId"] = id, ["Input.Date"] = "9999-12-31" });
        Assert.Contains("La date de la séance doit être comprise entre le 01/01/2000 et le", await impossible.ReadHtmlAsync());
        var creeeSeance = await seance.EnvoyerAsync(cheffe, new() { ["Input.AssembleeId"] = id, ["Input.Date"] = "2026-06-15", ["Input.Lieu"] = "à la mairie d'Aubagne" });
        var urlSeance = creeeSeance.Headers.Location!.OriginalString;

        var bureau = await Formulaire.LireAsync(cheffe, urlSeance, "?handler=bureau");
        var mandats = Regex.Matches(await cheffe.GetStringAsync(urlSeance), "<option value=\"(\\d+)\">(BLANC Omar|NOIR Lina)</option>").GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);
        var intrus = await EgalisFactory.PostBrutAsync(cheffe, urlSeance + "?handler=Bureau", new() { ["Bureau.PresidentMandatId"] = "1" }, urlSeance);
        Assert.Contains("Le président doit être membre de l'assemblée à la date de la séance.", await intrus.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await bureau.EnvoyerAsync(cheffe, new() { ["Bureau.PresidentMandatId"] = mandats["BLANC Omar"], ["Bureau.SecretaireMandatId"] = mandats["NOIR Lina"] })).StatusCode);
        Assert.Contains("Président et secrétaire enregistrés.", await cheffe.GetHtmlAsync(urlSeance));

        var point = await Formulaire.LireAsync(cheffe, urlSeance, "?handler=point");
        var sansObjet = await point.EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "", ["Point.Theme"] = "Égalité" });
        Assert.Contains("Indiquez l'objet.", await sansObjet.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await point.EnvoyerAsync(cheffe, new() { ["Point.Objet"] = "Rapport d'activité 2025", ["Point.Genre"] = "PriseActe", ["Point.NumeroActe"] = "2026_EGA_001" })).StatusCode);
        var urlPoint = "/deliberations/point/" + Regex.Match(await cheffe.GetHtmlAsync(urlSeance), "/deliberations/point/(\\d+)\">Rapport d'activité 2025").Groups[1].Value;

        var priseActe = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=priseacte");
        var sansPresences = await priseActe.EnvoyerAsync(cheffe);
        Assert.Contains("Enregistrez d'abord les présences pour ce point.", await sansPresences.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=presences")).EnvoyerAsync(cheffe)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=priseacte")).EnvoyerAsync(cheffe)).StatusCode);
        Assert.Contains("Prise d'acte enregistrée. La délibération est maintenant publiée au registre.", await cheffe.GetHtmlAsync(urlPoint));
        Assert.Contains("Rapport d'activité 2025", await factory.Client().GetHtmlAsync("/deliberations?assemblee=COM-EGALITE"));

        var lien = await Formulaire.LireAsync(cheffe, urlPoint, "?handler=lien");
        var rien = await lien.EnvoyerAsync(cheffe, new() { ["Lien.Reference"] = "" });
        Assert.Contains("Choisissez un élément de la liste.", await rien.ReadHtmlAsync());
        // Every module's records are offered, under their heading; the act links to each record's page.
        var choix = await cheffe.GetHtmlAsync(urlPoint);
        Assert.Contains("<optgroup label=\"Actions du plan\"><option value=\"plan-action|1.1\">", choix);
        Assert.Contains("<optgroup label=\"Budget\">", choix);
        Assert.Equal(HttpStatusCode.Redirect, (await lien.EnvoyerAsync(cheffe, new() { ["Lien.Reference"] = "plan-action|2.3" })).StatusCode);
        Assert.Contains("<a href=\"/plan/action/2.3\">Action 2.3 du plan</a>", await cheffe.GetHtmlAsync(urlPoint));
        Assert.Contains("Rapport d'activité 2025", await factory.Client().GetHtmlAsync("/plan/action/2.3"));
        // A budget line, which the founding deliberation names: offered and linked too; the budget page lists the act.
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=lien")).EnvoyerAsync(cheffe, new() { ["Lien.Reference"] = "budget-ligne|D110-65748-552" })).StatusCode);
        Assert.Contains("<a href=\"/budget\">Ligne budgétaire D110-65748-552</a>", await cheffe.GetHtmlAsync(urlPoint));
        Assert.Contains($"href=\"{urlPoint.Replace("/point/", "/acte/", StringComparison.Ordinal)}\"", await cheffe.GetHtmlAsync("/budget?Annee=2020"));
        // A reference that is not among the choices is refused, whatever is posted.
        var inconnu = await (await Formulaire.LireAsync(cheffe, urlPoint, "?handler=lien")).EnvoyerAsync(cheffe, new() { ["!Lien.Reference"] = "budget-ligne|D999-00000-000" });
        Assert.Contains("Choisissez un élément de la liste.", await inconnu.ReadHtmlAsync());
        _ = CultureInfo.InvariantCulture;
    }
}
