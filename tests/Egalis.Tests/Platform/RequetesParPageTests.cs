using System.Data.Common;
using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Features.Plan;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>Counts the database commands of the requests (not the cache's polling nor the cookie keys' reading).</summary>
public sealed class CompteurCommandes : DbCommandInterceptor
{
    private int _nombre;

    public int Nombre => Volatile.Read(ref _nombre);

    public void RemettreAZero() => Interlocked.Exchange(ref _nombre, 0);

    private void Compter(DbCommand commande)
    {
        if (!commande.CommandText.Contains("CacheChanges", StringComparison.Ordinal) && !commande.CommandText.Contains("DataProtectionKeys", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _nombre);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Compter(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Compter(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Compter(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class CompteurFactory : EgalisFactory
{
    public CompteurCommandes Compteur { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(Compteur));
    }
}

/// <summary>
/// No N+1 on the public pages: the number of database commands a page runs when it is not in the cache does not grow
/// with the data (from 2 to 22 linked decided acts with their attendance, from 2 to 22 more indicators with their
/// values, milestones). The figures are ceilings measured today; lowering one is welcome, raising one is a regression.
/// </summary>
public class RequetesParPageTests(CompteurFactory factory) : IClassFixture<CompteurFactory>
{
    private static readonly (string Url, int Plafond)[] Pages =
    [
        ("/", 3),
        ("/plan", 6),
        ("/plan/action/1.3", 5),
        ("/plan/indicateurs", 6),
        ("/plan/bilan/2025", 9),
        ("/deliberations", 3),
        ("/deliberations/acte/2", 7),
        ("/territoires", 2),
        ("/donneesouvertes", 8),
        ("/fonds", 2),
        ("/api/v1/plan", 1),
        ("/api/v1/deliberations", 2),
        ("/api/v1/deliberations/013-200054807-20191212-2019_CT2_587-DE", 1),
        ("/api/v1/communes", 1),
        ("/api/v1/budget/2020", 3),
        ("/api/v1/opendata/deliberations.csv", 1),
        ("/api/v1/opendata/subventions.csv", 1),
        ("/exports/plan-indicateurs.csv", 6),
    ];

    private static int _mesure;

    private async Task<int> CommandesAsync(string url)
    {
        // A query string of its own: a page the cache does not hold.
        var adresse = url + (url.Contains('?') ? "&" : "?") + "mesure=" + Interlocked.Increment(ref _mesure);
        var client = factory.Client();
        factory.Compteur.RemettreAZero();
        var reponse = await client.GetAsync(adresse);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        await reponse.Content.ReadAsByteArrayAsync();
        return factory.Compteur.Nombre;
    }

    /// <summary><paramref name="n"/> more decided acts of a new session, with attendance and links, and n indicators and milestones.</summary>
    private async Task AjouterDuVolumeAsync(int n, int mois)
    {
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var conseil = await db.Set<Assemblee>().SingleAsync(a => a.Code == "CM");
            var mandats = Enumerable.Range(1, 10).Select(i => new Mandat { AssembleeId = conseil.Id, Elu = new Elu { Nom = $"VOLUME{mois:00}{i:00} Membre" }, Debut = new DateOnly(2020, 7, 9) }).ToList();
            db.AddRange(mandats);
            var seance = new Seance { AssembleeId = conseil.Id, Date = new DateOnly(2024, mois, 27), PolitiqueCode = "CGCT", Lieu = "Hémicycle" };
            db.Add(seance);
            await db.SaveChangesAsync();
            for (var rang = 1; rang <= n; rang++)
            {
                var point = new PointOrdreDuJour
                {
                    SeanceId = seance.Id, Rang = rang, Objet = $"Convention de partenariat n° {rang}", MatiereCode = "8.5", Delibere = true,
                    NumeroActe = $"2024_CM_{mois:00}{rang:00}", Pour = 10, Contre = 0, Abstention = 0, NePrendPasPart = 0,
                    DateSignature = new DateOnly(2024, mois, 28), Transmission = StatutTransmission.Acquitte,
                    DateTransmission = new DateOnly(2024, mois, 28), DateAccuse = new DateOnly(2024, mois, 28),
                };
                db.Add(point);
                await db.SaveChangesAsync();
                db.AddRange(mandats.Select(m => new Presence { PointId = point.Id, MandatId = m.Id, Statut = StatutPresence.Present }));
                db.Add(new LienDeliberation { PointId = point.Id, Type = PlanLinkTarget.TypeLien, Reference = PlanService.PlanPrincipal });
                db.Add(new LienDeliberation { PointId = point.Id, Type = ActionPlanLinkTarget.TypeLien, Reference = "1.3" });
            }
            var action = await db.Set<ElementPlan>().SingleAsync(e => e.Code == "1.3");
            for (var i = 1; i <= n; i++)
            {
                var code = $"VOL-{mois}-{i}";
                db.Add(new Indicateur { Code = code, Libelle = $"Indicateur de volume {mois}-{i}", Unite = "personnes", ActionCode = "1.3" });
                db.Add(new Jalon { ElementPlanId = action.Id, Date = new DateOnly(2024, mois, i), Titre = $"Jalon {mois}-{i}" });
                for (var annee = 2020; annee <= 2025; annee++)
                {
                    db.Add(new ValeurIndicateur { IndicateurCode = code, Annee = annee, Periode = "", Valeur = 10 * i + annee - 2020 });
                    db.Add(new CibleIndicateur { IndicateurCode = code, Annee = annee, Valeur = 20 * i });
                }
            }
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Public_pages_run_a_number_of_commands_that_does_not_grow_with_the_data()
    {
        await AjouterDuVolumeAsync(2, 5);
        var avant = new Dictionary<string, int>();
        foreach (var (url, _) in Pages)
        {
            avant[url] = await CommandesAsync(url);
        }
        await AjouterDuVolumeAsync(20, 6);
        var ecarts = new List<string>();
        foreach (var (url, plafond) in Pages)
        {
            var apres = await CommandesAsync(url);
            if (apres != avant[url] || apres > plafond)
            {
                ecarts.Add($"{url} : {avant[url]} commandes, puis {apres} avec plus de données (plafond {plafond})");
            }
        }
        Assert.True(ecarts.Count == 0, string.Join("\n", ecarts));
    }

    /// <summary>
    /// A page read once since the last change runs at most 3 commands when it is not in the output cache (another
    /// address, or a visitor signed in): the pages that need more read their data once per change (PublicReadModels).
    /// </summary>
    [Fact]
    public async Task Public_pages_read_again_run_at_most_three_commands()
    {
        var ecarts = new List<string>();
        foreach (var (url, _) in Pages)
        {
            await CommandesAsync(url);
            var relu = await CommandesAsync(url);
            var attendu = LuUneFois.GetValueOrDefault(url, -1);
            if (relu > 3 || (attendu >= 0 && relu != attendu))
            {
                ecarts.Add($"{url} : {relu} commandes à la deuxième lecture (attendu {(attendu >= 0 ? attendu : "au plus 3")})");
            }
        }
        Assert.True(ecarts.Count == 0, string.Join("\n", ecarts));
    }

    /// <summary>The pages whose data is a read model: nothing from the database until the next change.</summary>
    private static readonly Dictionary<string, int> LuUneFois = new()
    {
        ["/plan"] = 0,
        ["/plan/indicateurs"] = 0,
        ["/exports/plan-indicateurs.csv"] = 0,
        ["/plan/action/1.3"] = 0,
        ["/plan/bilan/2025"] = 0,
        ["/deliberations/acte/2"] = 0,
        ["/donneesouvertes"] = 0,
    };
}
