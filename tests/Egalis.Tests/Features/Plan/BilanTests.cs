using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Egalis.Tests.Features.Plan;

public class BilanTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static string Normaliser(string texte) => Regex.Replace(texte.Replace('\u202F', ' ').Replace('\u00A0', ' '), @"\s+", " ");

    private async Task PreparerAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        if (await db.Set<Allocation>().AnyAsync())
        {
            return;
        }
        var budget = scope.ServiceProvider.GetRequiredService<BudgetService>();
        var credit = await db.Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).SingleAsync();
        var allocation = await budget.AllouerAsync(credit, "2.5", 25_000m);
        var engagement = await budget.EngagerAsync(allocation.Id!.Value, 12_345.67m, "Association Schebba", "Projet fonds d'initiative", new DateOnly(2020, 5, 4));
        await budget.MandaterAsync(engagement.Id!.Value, 10_000m, new DateOnly(2020, 7, 1));
        var action = await db.Set<Egalis.Web.Features.Plan.ElementPlan>().SingleAsync(e => e.Code == "1.1");
        db.Add(new Egalis.Web.Features.Plan.Jalon { ElementPlanId = action.Id, Date = new DateOnly(2020, 2, 3), Titre = "Workshop au Camp des Milles", AtteintLe = new DateOnly(2020, 2, 3) });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_pdf_report_holds_the_expected_text()
    {
        await PreparerAsync();
        var response = await factory.Client().GetAsync("/plan/bilan/2020?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bilan-pmlcd-2020.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Bilan annuel 2020 du plan", pdf.Information.Title);
        // Words, not Page.Text: a line wrap must read as a space, as it does for a person.
        var pages = pdf.GetPages().Select(p => Normaliser(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
        var texte = string.Join(" ", pages);
        Assert.StartsWith("Bilan annuel 2020 du plan", pages[0]);
        Assert.Contains("Synthèse", texte);
        Assert.Contains("Avancement d'ensemble du plan", texte);
        foreach (var titre in new[] { "Workshop de lancement au site-mémorial du Camp des Milles", "Fonds d'Initiative Annuel innovant", "Parrainage de jeunes diplômés" })
        {
            Assert.Contains(titre, texte);
        }
        Assert.Contains("Jalon du 03/02/2020 : Workshop au Camp des Milles (atteint le 03/02/2020)", texte);
        // In a table the label wraps within its cell; extraction reads the row line by line.
        Assert.Matches("Communes de la Métropole ayant au moins un .*quartier prioritaire", texte);
        Assert.Matches("communes 15 ", texte);
        Assert.Contains(Normaliser($"Budget 2020 : {Euros.Format(60_000m)} de crédits votés, {Euros.Format(25_000m)} alloués aux actions, {Euros.Format(12_345.67m)} engagés, {Euros.Format(10_000m)} mandatés."), texte);
        Assert.Contains(Normaliser(Euros.Format(12_345.67m)), texte);
        Assert.Contains($"page 1 sur {pages.Count}", pages[0]);
        Assert.True(pages.Count >= 3);
    }

    [Fact]
    public async Task The_html_report_holds_the_same_content()
    {
        await PreparerAsync();
        var html = Normaliser(await factory.Client().GetHtmlAsync("/plan/bilan/2020"));
        Assert.Contains("<h1>Bilan annuel 2020 du plan</h1>", html);
        Assert.Contains(Normaliser($"{Euros.Format(12_345.67m)} engagés"), html);
        Assert.Contains("Jalon du 03/02/2020 : Workshop au Camp des Milles (atteint le 03/02/2020)", html);
        Assert.Contains("href=\"/plan/bilan/2020?handler=pdf\"", html);
        Assert.Contains("href=\"/plan/bilan/2020\"", Normaliser(await factory.Client().GetHtmlAsync("/plan")));
    }

    [Theory]
    [InlineData("/plan/bilan/2019")]
    [InlineData("/plan/bilan/2100?handler=pdf")]
    public async Task A_year_outside_the_plan_has_no_report(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync(url)).StatusCode);
}
