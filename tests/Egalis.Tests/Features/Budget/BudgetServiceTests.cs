using System.Net;
using System.Text.Json;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Budget;

public class BudgetServiceTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly DateOnly Jour = new(2020, 3, 15);

    private async Task<T> AvecServiceAsync<T>(Func<BudgetService, EgalisDbContext, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<BudgetService>(), scope.ServiceProvider.GetRequiredService<EgalisDbContext>());
    }

    private Task<int> Credit2020Async() => AvecServiceAsync((_, db) => db.Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_founding_budget_line_and_the_2020_credit_are_seeded()
    {
        var response = await factory.Client().GetAsync("/api/v1/budget/2020");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var budget = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2020, budget.GetProperty("annee").GetInt32());
        Assert.Equal(60000m, budget.GetProperty("credits").GetDecimal());
        Assert.Contains("\"credits\":60000.00", text);
        var ligne = budget.GetProperty("lignes")[0];
        Assert.Equal(("D110", "65748", "552"), (ligne.GetProperty("sousPolitique").GetString(), ligne.GetProperty("nature").GetString(), ligne.GetProperty("fonction").GetString()));
    }

    /// <summary>
    /// Another module's step (here: a member recorded by the secretariat) and a commitment are one unit of work:
    /// the budget joins the caller's transaction, so both land, or neither.
    /// </summary>
    [Fact]
    public async Task A_commitment_joins_its_callers_transaction_and_lands_or_not_with_it()
    {
        var ligne = await AvecServiceAsync((_, db) => db.Set<LigneBudgetaire>().Select(l => l.Id).FirstAsync());
        var credit = (await AvecServiceAsync((s, _) => s.DefinirCreditAsync(2023, ligne, 10_000m))).Id!.Value;
        var allocation = (await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "1.3", 10_000m))).Id!.Value;
        var jour = new DateOnly(2023, 5, 2);

        async Task<Result> EtapeAsync(string membre, decimal montant, bool valider) => await AvecServiceAsync(async (s, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new Egalis.Web.Features.Deliberations.Elu { Nom = membre });
            await db.SaveChangesAsync();
            var resultat = await s.EngagerAsync(allocation, montant, "Association Unité", "Projet " + membre, jour);
            if (resultat.Ok && valider)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }
            return resultat;
        });
        Task<bool> MembreAsync(string nom) => AvecServiceAsync((_, db) => db.Set<Egalis.Web.Features.Deliberations.Elu>().AnyAsync(e => e.Nom == nom));
        Task<decimal> EngageAsync() => AvecServiceAsync(async (_, db) => (await db.Set<Engagement>().Where(e => e.AllocationId == allocation).Select(e => e.Montant).ToListAsync()).Sum());

        Assert.True((await EtapeAsync("ANNULE Étape", 4_000m, valider: false)).Ok);
        Assert.False(await MembreAsync("ANNULE Étape"));
        Assert.Equal(0m, await EngageAsync());

        Assert.True((await EtapeAsync("VALIDE Étape", 4_000m, valider: true)).Ok);
        Assert.True(await MembreAsync("VALIDE Étape"));
        Assert.Equal(4_000m, await EngageAsync());

        var refus = await EtapeAsync("REFUSE Étape", 7_000m, valider: true);
        Assert.False(refus.Ok);
        Assert.Equal("Montant", refus.Errors[0].Champ);
        Assert.StartsWith("Montant refusé : il reste 6 000,00 € disponibles", refus.Errors[0].Message.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.False(await MembreAsync("REFUSE Étape"));
        Assert.Equal(4_000m, await EngageAsync());
    }

    [Fact]
    public async Task A_year_without_budget_is_a_404_problem()
    {
        var response = await factory.Client().GetAsync("/api/v1/budget/1999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Money_moves_within_its_limits_and_each_refusal_says_what_is_left()
    {
        // A year of its own, so that the other tests' allocations do not change the figures.
        var ligne = await AvecServiceAsync((_, db) => db.Set<LigneBudgetaire>().Select(l => l.Id).FirstAsync());
        var credit = (await AvecServiceAsync((s, _) => s.DefinirCreditAsync(2022, ligne, 60_000m))).Id!.Value;
        var trop = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "1.6", 60_000.01m));
        Assert.False(trop.Ok);
        Assert.Contains($"il reste {Euros.Format(60_000m)} à allouer", trop.Error);

        var allocation = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "1.6", 10_000m));
        Assert.True(allocation.Ok);
        var autre = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "2.6", 50_000.50m));
        Assert.Contains($"il reste {Euros.Format(50_000m)} à allouer", autre.Error);

        var jour2022 = new DateOnly(2022, 3, 15);
        var horsExercice = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 100m, "Association Ancrages", "Accueil de stagiaires", new DateOnly(2031, 1, 5)));
        Assert.Equal("Un engagement sur les crédits 2022 est daté de l'exercice 2022 (du 01/01/2022 au 31/12/2022).", horsExercice.Error);
        var engagement = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 7_500m, "Association Ancrages", "Accueil de stagiaires", jour2022));
        Assert.True(engagement.Ok);
        var depasse = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 2_500.01m, "Autre", "Autre", jour2022));
        Assert.Contains($"il reste {Euros.Format(2_500m)} disponibles sur l'allocation de l'action 1.6", depasse.Error);

        var avant = await AvecServiceAsync((s, _) => s.MandaterAsync(engagement.Id!.Value, 5_000m, jour2022.AddDays(-1)));
        Assert.Equal("Un mandatement ne peut pas précéder l'engagement du 15/03/2022.", avant.Error);
        Assert.True((await AvecServiceAsync((s, _) => s.MandaterAsync(engagement.Id!.Value, 5_000m, jour2022))).Ok);
        var surpaye = await AvecServiceAsync((s, _) => s.MandaterAsync(engagement.Id!.Value, 2_500.01m, jour2022));
        Assert.Contains($"il reste {Euros.Format(2_500m)} à mandater", surpaye.Error);
        var annule = await AvecServiceAsync((s, _) => s.AnnulerEngagementAsync(engagement.Id!.Value, "Erreur de saisie"));
        Assert.Contains("déjà été mandatés", annule.Error);

        var baisse = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "1.6", 7_000m));
        Assert.Contains($"sous ce qui est déjà engagé ({Euros.Format(7_500m)})", baisse.Error);
        var creditBaisse = await AvecServiceAsync((s, _) => s.DefinirCreditAsync(2022, ligne, 9_999m));
        Assert.Contains($"déjà alloué aux actions ({Euros.Format(10_000m)})", creditBaisse.Error);

        var api = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/budget/2022")).RootElement;
        var action = api.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1.6");
        Assert.Equal((10_000m, 7_500m, 5_000m), (action.GetProperty("alloue").GetDecimal(), action.GetProperty("engage").GetDecimal(), action.GetProperty("mandate").GetDecimal()));
    }

    [Fact]
    public async Task Cancelling_an_unpaid_commitment_releases_its_amount()
    {
        var credit = await Credit2020Async();
        var allocation = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "1.7", 3_000m));
        var engagement = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 3_000m, "Réseau de parrains", "Journée des parrains", Jour));
        Assert.False((await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 1m, "x", "x", Jour))).Ok);
        Assert.False((await AvecServiceAsync((s, _) => s.AnnulerEngagementAsync(engagement.Id!.Value, " "))).Ok);
        Assert.True((await AvecServiceAsync((s, _) => s.AnnulerEngagementAsync(engagement.Id!.Value, "Événement reporté"))).Ok);
        Assert.Contains("déjà annulé", (await AvecServiceAsync((s, _) => s.AnnulerEngagementAsync(engagement.Id!.Value, "encore"))).Error);
        Assert.Contains("annulé", (await AvecServiceAsync((s, _) => s.MandaterAsync(engagement.Id!.Value, 10m, Jour))).Error);
        Assert.True((await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 3_000m, "Réseau de parrains", "Journée des parrains (nouvelle date)", Jour))).Ok);
    }

    [Theory]
    [InlineData(-1, "négatif")]
    [InlineData(0, "supérieur à zéro")]
    [InlineData(1_000_000_000.01, "1 000 000 000")]
    [InlineData(10.005, "deux chiffres après la virgule")]
    public async Task Impossible_amounts_are_refused(double montant, string message)
    {
        var credit = await Credit2020Async();
        var allocation = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "2.2", 100m));
        var resultat = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, (decimal)montant, "x", "x", Jour));
        Assert.False(resultat.Ok);
        Assert.Contains(message, resultat.Error);
    }

    [Fact]
    public async Task Every_movement_is_audited()
    {
        var credit = await Credit2020Async();
        var allocation = await AvecServiceAsync((s, _) => s.AllouerAsync(credit, "2.3", 1_000m));
        var engagement = await AvecServiceAsync((s, _) => s.EngagerAsync(allocation.Id!.Value, 400m, "CNFPT", "Session de formation", Jour));
        await AvecServiceAsync((s, _) => s.MandaterAsync(engagement.Id!.Value, 400m, Jour, "M-2020-17"));
        var audit = await AvecServiceAsync((_, db) => db.AuditEntries.Where(e => e.Module == "Budget").Select(e => e.Resume).ToListAsync());
        Assert.Contains($"Création de l'allocation de l'action 2.3 sur les crédits 2020 (montant : {Euros.Format(1_000m)}).", audit);
        Assert.Contains(audit, r => r.StartsWith($"Création de l'engagement de {Euros.Format(400m)} pour CNFPT (« Session de formation ») (montant : {Euros.Format(400m)}, bénéficiaire : CNFPT, objet : Session de formation, date : 15/03/2020", StringComparison.Ordinal));
        Assert.Contains($"Création du mandatement de {Euros.Format(400m)} sur l'engagement pour CNFPT (montant : {Euros.Format(400m)}, date : 15/03/2020, référence : M-2020-17).", audit);
    }
}

/// <summary>Many people (or a module and a person) moving money at the same instant.</summary>
public class BudgetConcurrenceTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task Fifty_concurrent_commitments_never_exceed_their_allocation()
    {
        int allocationId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var credit = await db.Set<Credit>().Where(c => c.Annee == 2020).Select(c => c.Id).SingleAsync();
            allocationId = (await scope.ServiceProvider.GetRequiredService<BudgetService>().AllouerAsync(credit, "2.5", 10_000m)).Id!.Value;
        }
        using var depart = new ManualResetEventSlim(false);
        var taches = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            depart.Wait();
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BudgetService>()
                .EngagerAsync(allocationId, 300m, $"Association {i}", "Projet du fonds", new DateOnly(2020, 6, 1));
        })).ToList();
        depart.Set();
        var resultats = await Task.WhenAll(taches);

        Assert.Equal(33, resultats.Count(r => r.Ok));
        Assert.All(resultats.Where(r => !r.Ok), r => Assert.Contains("il reste", r.Error));
        using var verif = factory.Services.CreateScope();
        var montants = await verif.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Engagement>()
            .Where(e => e.AllocationId == allocationId).Select(e => e.Montant).ToListAsync();
        Assert.Equal(9_900m, montants.Sum());
    }

    [Fact]
    public async Task Concurrent_allocations_never_exceed_the_credit()
    {
        using var preparation = factory.Services.CreateScope();
        var db = preparation.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var ligne = await db.Set<LigneBudgetaire>().Select(l => l.Id).FirstAsync();
        var credit = (await preparation.ServiceProvider.GetRequiredService<BudgetService>().DefinirCreditAsync(2021, ligne, 20_000m)).Id!.Value;
        string[] actions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3", "2.4", "2.6"];
        using var depart = new ManualResetEventSlim(false);
        var taches = actions.Select(code => Task.Run(async () =>
        {
            depart.Wait();
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<BudgetService>().AllouerAsync(credit, code, 5_000m);
        })).ToList();
        depart.Set();
        var resultats = await Task.WhenAll(taches);
        Assert.Equal(4, resultats.Count(r => r.Ok));
        using var verif = factory.Services.CreateScope();
        var total = (await verif.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Allocation>().Where(a => a.CreditId == credit).Select(a => a.Montant).ToListAsync()).Sum();
        Assert.Equal(20_000m, total);
    }
}
