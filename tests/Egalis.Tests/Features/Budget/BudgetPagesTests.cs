using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Budget;

public class BudgetPagesTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<string> Credit2020Async()
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> AllouerAsync(HttpClient client, string action, string montant) =>
        await EgalisFactory.PostFormAsync(client, "/budget?handler=Allouer&annee=2020", new()
        {
            ["Allocation.CreditId"] = await Credit2020Async(), ["Allocation.ActionCode"] = action, ["Allocation.Montant"] = montant,
        }, formPage: "/budget?annee=2020");

    [Theory]
    [InlineData("1.1", "12 500,50", 12_500.50)]
    [InlineData("1.2", "12500.50", 12_500.50)]
    [InlineData("1.3", "8 000 €", 8_000)]
    public async Task Amounts_are_accepted_with_a_comma_or_a_dot(string action, string saisie, double attendu)
    {
        var assistant = await factory.SignedInAsAsync(Roles.Assistant);
        var response = await AllouerAsync(assistant, action, saisie);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await assistant.GetHtmlAsync("/budget?annee=2020");
        Assert.Contains($"{Euros.Format((decimal)attendu)} alloués à l'action {action}", page);
    }

    [Theory]
    [InlineData("beaucoup", "n'est pas un nombre")]
    [InlineData("1,5.2", "n'est pas un nombre")]
    [InlineData("-200", "ne peut pas être négatif")]
    [InlineData("2000000000", "ne peut pas dépasser 1 000 000 000 €")]
    [InlineData("", "Indiquez le montant.")]
    public async Task Bad_amounts_get_a_french_message_next_to_the_field(string saisie, string message)
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var response = await AllouerAsync(cheffe, "2.7", saisie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Contains(message, html);
        Assert.Contains("id=\"Allocation_Montant-erreur\"", html);
        Assert.Contains("<option value=\"2.7\" selected>", html);
    }

    [Fact]
    public async Task Over_allocation_is_refused_with_what_is_left()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var response = await AllouerAsync(cheffe, "2.6", "70 000");
        var html = await response.ReadHtmlAsync();
        Assert.Contains("Montant refusé : il reste", html);
        Assert.Contains("value=\"70 000\"", html);
    }

    [Fact]
    public async Task A_commitment_is_made_paid_and_shown_through_the_pages()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        Assert.Equal(HttpStatusCode.Redirect, (await AllouerAsync(cheffe, "2.4", "4000")).StatusCode);
        string allocation;
        using (var scope = factory.Services.CreateScope())
        {
            allocation = (await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Allocation>().Where(a => a.ActionCode == "2.4").Select(a => a.Id).SingleAsync())
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var engager = await EgalisFactory.PostFormAsync(cheffe, "/budget/engagements?annee=2020", new()
        {
            ["Input.AllocationId"] = allocation, ["Input.Montant"] = "1 500,25", ["Input.Beneficiaire"] = "Ville de Miramas",
            ["Input.Objet"] = "Rencontre des référents", ["Input.Date"] = "2020-09-10",
        });
        Assert.True(engager.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await engager.ReadHtmlAsync(), "resume-erreurs-titre.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        var liste = await cheffe.GetHtmlAsync("/budget/engagements?annee=2020");
        Assert.Contains("Ville de Miramas", liste);
        var id = System.Text.RegularExpressions.Regex.Match(liste, "/budget/engagement/(\\d+)\">Ville de Miramas").Groups[1].Value;

        var mandat = await EgalisFactory.PostFormAsync(cheffe, $"/budget/engagement/{id}?handler=Mandater", new() { ["Mandat.Montant"] = "1500.25", ["Mandat.Date"] = "2020-10-01", ["Mandat.Reference"] = "M-88" }, formPage: $"/budget/engagement/{id}");
        Assert.Equal(HttpStatusCode.Redirect, mandat.StatusCode);
        var page = await cheffe.GetHtmlAsync($"/budget/engagement/{id}");
        Assert.Contains("M-88", page);
        Assert.DoesNotContain("Annuler l'engagement", page);
        Assert.DoesNotContain("<h2>Mandater</h2>", page);
        Assert.Contains("Cet engagement est soldé", page);

        var trop = await EgalisFactory.PostFormAsync(cheffe, "/budget/engagements?annee=2020", new()
        {
            ["Input.AllocationId"] = allocation, ["Input.Montant"] = "3000", ["Input.Beneficiaire"] = "Autre", ["Input.Objet"] = "Autre", ["Input.Date"] = "2020-09-10",
        });
        Assert.Contains($"il reste {Euros.Format(2_499.75m)} disponibles", await trop.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await cheffe.GetAsync("/budget/engagement/999999")).StatusCode);
    }
}
