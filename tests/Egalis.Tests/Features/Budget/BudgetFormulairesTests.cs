using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Budget.Pages;
using Egalis.Web.Platform.Identity;

namespace Egalis.Tests.Features.Budget;

/// <summary>The budget's forms as the pages render them: credits, commitments, payments, cancellations.</summary>
public class BudgetFormulairesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    [Soumet(typeof(IndexModel), "Crediter")]
    [Soumet(typeof(IndexModel), "Allouer")]
    [Soumet(typeof(EngagementsModel))]
    [Soumet(typeof(EngagementModel), "Mandater")]
    [Soumet(typeof(EngagementModel), "Annuler")]
    public async Task A_year_is_credited_allocated_committed_paid_and_a_commitment_cancelled()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var credits = await Formulaire.LireAsync(cheffe, "/budget?annee=2020", "?handler=crediter");
        var annee = await credits.EnvoyerAsync(cheffe, new() { ["Credits.Annee"] = "1850", ["Credits.Montant"] = "70 000" });
        Assert.Contains("L'année doit être comprise entre 2019 et 2100.", await annee.ReadHtmlAsync());
        var credite = await credits.EnvoyerAsync(cheffe, new() { ["Credits.Annee"] = "2024", ["Credits.Montant"] = "70 000" });
        Assert.Equal(HttpStatusCode.Redirect, credite.StatusCode);
        Assert.Contains($"Crédits 2024 enregistrés : {Euros.Format(70_000m)}.", await cheffe.GetHtmlAsync(credite.Headers.Location!.OriginalString));

        var allouer = await Formulaire.LireAsync(cheffe, "/budget?annee=2024", "?handler=allouer");
        var trop = await allouer.EnvoyerAsync(cheffe, new() { ["Allocation.ActionCode"] = "1.7", ["Allocation.Montant"] = "70 000,01" });
        Assert.Contains($"il reste {Euros.Format(70_000m)} à allouer", await trop.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await allouer.EnvoyerAsync(cheffe, new() { ["Allocation.ActionCode"] = "1.7", ["Allocation.Montant"] = "5 000" })).StatusCode);

        var engager = await Formulaire.LireAsync(cheffe, "/budget/engagements?annee=2024");
        var allocation = engager.Valeur("Input.AllocationId") is { Length: > 0 } v ? v : null;
        Assert.Null(allocation);
        var options = Regex.Matches(await cheffe.GetStringAsync("/budget/engagements?annee=2024"), "<option value=\"(\\d+)\"[^>]*>1\\.7").Select(m => m.Groups[1].Value).Single();
        var horsExercice = await engager.EnvoyerAsync(cheffe, new()
        {
            ["Input.AllocationId"] = options, ["Input.Montant"] = "1 200", ["Input.Beneficiaire"] = "Association Ancrages", ["Input.Objet"] = "Forum", ["Input.Date"] = "2031-05-02",
        });
        var html = await horsExercice.ReadHtmlAsync();
        Assert.Contains("Un engagement sur les crédits 2024 est daté de l'exercice 2024 (du 01/01/2024 au 31/12/2024).", html);
        Assert.Contains("value=\"Association Ancrages\"", html);
        var engage = await engager.EnvoyerAsync(cheffe, new()
        {
            ["Input.AllocationId"] = options, ["Input.Montant"] = "1 200", ["Input.Beneficiaire"] = "Association Ancrages", ["Input.Objet"] = "Forum", ["Input.Date"] = "2024-05-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, engage.StatusCode);
        var id = Regex.Match(await cheffe.GetHtmlAsync("/budget/engagements?annee=2024"), "/budget/engagement/(\\d+)\">Association Ancrages").Groups[1].Value;
        var url = $"/budget/engagement/{id}";

        // The cancellation form as the page showed it before the payment below.
        var annuler = await Formulaire.LireAsync(cheffe, url, "?handler=annuler");
        var mandater = await Formulaire.LireAsync(cheffe, url, "?handler=mandater");
        var avant = await mandater.EnvoyerAsync(cheffe, new() { ["Mandat.Montant"] = "200", ["Mandat.Date"] = "2024-05-01" });
        Assert.Contains("Un mandatement ne peut pas précéder l'engagement du 02/05/2024.", await avant.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await mandater.EnvoyerAsync(cheffe, new() { ["Mandat.Montant"] = "200", ["Mandat.Date"] = "2024-06-01", ["Mandat.Reference"] = "M-24-1" })).StatusCode);

        var sansMotif = await annuler.EnvoyerAsync(cheffe, new() { ["Annulation.Motif"] = "" });
        Assert.Contains("Indiquez le motif de l'annulation.", await sansMotif.ReadHtmlAsync());
        var paye = await annuler.EnvoyerAsync(cheffe, new() { ["Annulation.Motif"] = "Forum reporté" });
        Assert.Contains($"Cet engagement ne peut pas être annulé : {Euros.Format(200m)} ont déjà été mandatés.", await paye.ReadHtmlAsync());

        // A second commitment, not paid: cancelled through its form.
        await engager.EnvoyerAsync(cheffe, new()
        {
            ["Input.AllocationId"] = options, ["Input.Montant"] = "300", ["Input.Beneficiaire"] = "Ville de Gardanne", ["Input.Objet"] = "Exposition", ["Input.Date"] = "2024-07-01",
        });
        var second = Regex.Match(await cheffe.GetHtmlAsync("/budget/engagements?annee=2024"), "/budget/engagement/(\\d+)\">Ville de Gardanne").Groups[1].Value;
        var annule = await (await Formulaire.LireAsync(cheffe, $"/budget/engagement/{second}", "?handler=annuler")).EnvoyerAsync(cheffe, new() { ["Annulation.Motif"] = "Exposition annulée" });
        Assert.Equal(HttpStatusCode.Redirect, annule.StatusCode);
        Assert.Contains("Engagement annulé : son montant est de nouveau disponible.", await cheffe.GetHtmlAsync($"/budget/engagement/{second}"));
    }
}
