using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The platform as a developer's first run shows it: in use since 2020.</summary>
public sealed class DemonstrationFactory : EgalisFactory
{
    protected override string Environnement => "Development";
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:Demo"] = "true", ["Egalis:ComptesDemo"] = "true" };
}

/// <summary>Production ignores the demo setting.</summary>
public sealed class DemonstrationEnProductionFactory : EgalisFactory
{
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Egalis:Demo"] = "true" };
}

public class DemonstrationTests(DemonstrationFactory factory) : IClassFixture<DemonstrationFactory>
{
    [Fact]
    public async Task A_first_run_in_development_shows_a_platform_in_use()
    {
        // Budgets 2020–2026: 60 000 € the first two years, growing from the third.
        var credits = new Dictionary<int, decimal>();
        foreach (var annee in new[] { 2020, 2021, 2022, 2026 })
        {
            var budget = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/budget/{annee}")).RootElement;
            credits[annee] = budget.GetProperty("credits").GetDecimal();
            Assert.True(budget.GetProperty("engage").GetDecimal() > 0, $"Rien d'engagé en {annee}");
        }
        Assert.Equal([60_000m, 60_000m, 66_000m, 90_000m], credits.Values);
        var budget2024 = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/budget/2024")).RootElement;
        // 90 % of the 58 500 € allocated to four actions committed, and all of it paid; the fund's 19 500 € are committed by its
        // committee, dossier by dossier (18 500 € granted), and paid: two grants at once, one in two goes after its report.
        Assert.Equal(52_650m + 18_500m, budget2024.GetProperty("mandate").GetDecimal());
        Assert.Equal(52_650m + 18_500m, budget2024.GetProperty("engage").GetDecimal());

        // The fund in use: two past calls decided by their committees, this year's open; the granted subsidies as open data.
        var fonds = await factory.Client().GetHtmlAsync("/fonds");
        Assert.Contains("Appel à projets 2024 : agir contre les discriminations", fonds);
        Assert.Contains("Appel à projets 2026 : agir contre les discriminations", fonds);
        var subventions = System.Text.Encoding.UTF8.GetString(await factory.Client().GetByteArrayAsync("/api/v1/opendata/subventions.csv")).TrimEnd('\n').Split('\n');
        // 2024: 8 000 + 6 500 + 4 000 €; 2025: 9 000 + 7 500 €.
        Assert.Equal(6, subventions.Length);
        Assert.Contains(subventions, l => l.Contains("Commune de Gardanne", StringComparison.Ordinal) && l.Contains(",9000.00,", StringComparison.Ordinal)
            && l.Contains(",2025-07-15,", StringComparison.Ordinal) && l.Contains(",échelonné,", StringComparison.Ordinal));
        // The grants followed: a signed convention, reports in, and one overdue.
        var cheffe = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.ChefDeProjet);
        using (var lecture = factory.Services.CreateScope())
        {
            var base_ = lecture.ServiceProvider.GetRequiredService<EgalisDbContext>();
            int Id(string intitule) => base_.Set<Egalis.Web.Features.Fonds.Dossier>().Where(d => d.Intitule == intitule).Select(d => d.Id).Single();
            Assert.Contains("convention signée le 15/07/2025", await cheffe.GetHtmlAsync($"/fonds/gestion/subvention/{Id("Formation des agents d'accueil de Gardanne")}"));
            Assert.Contains("En retard : l'organisation ne peut pas déposer de nouveau dossier.", await cheffe.GetHtmlAsync($"/fonds/gestion/subvention/{Id("Testing des agences immobilières du Pays d'Aix")}"));
            Assert.Contains("Déposé le 15/10/2025", await cheffe.GetHtmlAsync($"/fonds/gestion/subvention/{Id("Ateliers « Connaître ses droits » dans les centres sociaux")}"));
        }
        var instruction = await (await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.Instructeur)).GetHtmlAsync("/fonds/instruction?etat=EnInstruction");
        Assert.Contains("Théâtre-forum contre le racisme ordinaire", instruction);
        var espace = await (await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.Porteur)).GetHtmlAsync("/espace");
        Assert.Contains("Parcours « Égalité » dans les collèges du 3e arrondissement", espace);

        // Actions in progress, late and reached milestones, sub-actions, indicators over several years.
        var plan = await factory.Client().GetHtmlAsync("/plan/action/1.3");
        Assert.Contains("Former les agents d&#x27;accueil des six territoires", plan.Replace("'", "&#x27;"));
        Assert.Contains("10/03/2022 : Convention avec le CNFPT pour la formation des agents", plan);
        var indicateurs = await factory.Client().GetHtmlAsync("/plan/indicateurs");
        Assert.Contains("Agents formés à la prévention des discriminations", indicateurs);
        Assert.Contains("228 (cible 240)", indicateurs.Replace("<span> ", "").Replace("</span>", ""));

        // Sessions of several assemblies, whose acts link to actions and credits.
        var registre = await factory.Client().GetHtmlAsync("/deliberations");
        Assert.Contains("Budget primitif 2026", registre);
        Assert.Contains("Soutien aux permanences d&#x27;aide aux victimes", registre.Replace("'", "&#x27;"));

        // The open-data page counts the budget file's lines: five actions funded each year, 2020 to 2026.
        var donnees = await factory.Client().GetHtmlAsync("/donneesouvertes");
        var budgetOuvert = donnees[donnees.IndexOf(">Emploi des crédits du plan</h2>", StringComparison.Ordinal)..];
        Assert.Contains("<dt class=\"col-sm-4\">Nombre de lignes</dt><dd class=\"col-sm-8\">35</dd>", budgetOuvert[..budgetOuvert.IndexOf("</section>", StringComparison.Ordinal)]);

        // A second start adds nothing.
        await factory.Services.InitializeDatabaseAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        Assert.Equal(7, await db.Set<Credit>().CountAsync());
        Assert.Equal(7, await db.Set<Egalis.Web.Features.Plan.Jalon>().CountAsync());
        Assert.Equal(11, await db.Set<Egalis.Web.Features.Deliberations.Seance>().CountAsync());
        Assert.Equal(3, await db.Set<Egalis.Web.Features.Fonds.AppelAProjets>().CountAsync());
        Assert.Equal(9, await db.Set<Egalis.Web.Features.Fonds.Dossier>().CountAsync());
    }
}

public class DemonstrationEnProductionTests(DemonstrationEnProductionFactory factory) : IClassFixture<DemonstrationEnProductionFactory>
{
    [Fact]
    public async Task Production_never_fills_the_demo_whatever_is_set()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        Assert.Equal([2020], await db.Set<Credit>().Select(c => c.Annee).ToListAsync());
        Assert.False(await db.Set<Egalis.Web.Features.Deliberations.PointOrdreDuJour>().AnyAsync(p => p.NumeroActe == "2020_CM_100"));
    }
}
