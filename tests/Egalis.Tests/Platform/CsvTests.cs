using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Plan;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>No CSV the platform writes lets a spreadsheet run a cell as a formula.</summary>
public class CsvTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private const string Piege = "=HYPERLINK(\"http://evil.example/?1\",\"clic\")";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 4 91", "'+33 4 91")]
    [InlineData("-moins", "'-moins")]
    [InlineData("@SOMME(A1)", "'@SOMME(A1)")]
    [InlineData("\tonglet", "'\tonglet")]
    [InlineData("\rretour", "'\rretour")]
    [InlineData("Texte ordinaire", "Texte ordinaire")]
    [InlineData("", "")]
    public void Cells_that_would_run_are_written_as_text_and_read_back_unchanged(string cellule, string ecrite)
    {
        Assert.Equal(ecrite, Spreadsheet.Neutralise(cellule));
        Assert.Equal(cellule, Spreadsheet.Restore(Spreadsheet.Neutralise(cellule)));
    }

    [Fact]
    public async Task Every_export_neutralises_its_text_cells()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            (await db.Set<ElementPlan>().SingleAsync(e => e.Code == "2.5")).Titre = Piege;
            (await db.Set<Indicateur>().FirstAsync()).Libelle = "+cmd|' /C calc'!A0";
            var acte = await db.Set<PointOrdreDuJour>().SingleAsync(p => p.NumeroActe == "2019_CT2_587");
            acte.Objet = "@SOMME(1+1)*cmd";
            await db.SaveChangesAsync();
        }
        var client = factory.Client();
        Assert.Contains("'=HYPERLINK(", await client.GetStringAsync("/exports/plan-actions.csv"));
        Assert.Contains("'+cmd|", await client.GetStringAsync("/exports/plan-indicateurs.csv"));
        var opendata = await client.GetStringAsync("/api/v1/opendata/deliberations.csv");
        Assert.Contains("'@SOMME(1+1)*cmd", opendata);
        Assert.DoesNotContain(",@SOMME", opendata);
        // Budget exports carry codes and amounts only: a negative amount stays a number.
        Assert.DoesNotContain(";'", await client.GetStringAsync("/exports/budget-2020.csv"));
    }
}
