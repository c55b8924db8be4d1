using System.Text.Json;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The Métropole's assemblies, and the two deliberations of the founding text: the Conseil de la
/// Métropole's of 19 December 2019 (adopted; the extract gives no counts) and act 2019_CT2_587 of the
/// Conseil de Territoire du Pays d'Aix (12 December 2019: 90 members, 55 present, 14 represented,
/// 21 excused; prise d'acte), with its attendance. Created once.
/// </summary>
public sealed class DeliberationsSeeder : ISeeder
{

    private static readonly DateOnly DebutMandats = new(2016, 1, 1);
    private static readonly DateOnly FinMandats = new(2020, 7, 9);

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var referentiel = services.GetRequiredService<ReferenceData>();
        var assemblees = await db.Set<Assemblee>().ToDictionaryAsync(a => a.Code, ct);
        void Assurer(string code, string nom, TypeAssemblee type, string? territoire = null)
        {
            if (!assemblees.ContainsKey(code))
            {
                var a = new Assemblee { Code = code, Nom = nom, Type = type, ConseilTerritoireCode = territoire };
                db.Add(a);
                assemblees[code] = a;
            }
        }
        // The collectivité's own assemblies (its profile), then one per conseil de territoire of its geography.
        var profil = services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>();
        foreach (var a in profil.Assemblees)
        {
            Assurer(a.Code, a.Nom, Enum.Parse<TypeAssemblee>(a.Type));
        }
        foreach (var (code, nom) in profil.ConseilsDeTerritoire ? referentiel.ConseilsTerritoire : [])
        {
            Assurer(code, $"Conseil de Territoire {Article(nom)}", TypeAssemblee.ConseilTerritoire, code);
        }
        await db.SaveChangesAsync(ct);

        // The founding acts, when the profile has them (the Métropole's: its council's adoption and act 2019_CT2_587).
        if (profil.Fondation is null || profil.TextesFondateurs is null || !assemblees.ContainsKey("CM") || !assemblees.ContainsKey("CT2")
            || await db.Set<Seance>().AnyAsync(ct))
        {
            return;
        }
        using var plan = JsonDocument.Parse(await File.ReadAllTextAsync(profil.Chemin(profil.Fondation), ct));
        using var textes = JsonDocument.Parse(await File.ReadAllTextAsync(profil.Chemin(profil.TextesFondateurs), ct));
        var t = textes.RootElement;
        List<string> Liste(string nom) => t.GetProperty(nom).EnumerateArray().Select(e => e.GetString()!).ToList();
        var rapport = string.Join("\n\n", Liste("rapport"));
        var cm = plan.RootElement.GetProperty("deliberations")[0];
        var ct2 = plan.RootElement.GetProperty("deliberations")[1];

        // Conseil de la Métropole, 19 December 2019: the adoption. The extract records the decision, not the counts.
        var seanceCm = new Seance { AssembleeId = assemblees["CM"].Id, Date = new DateOnly(2019, 12, 19), PolitiqueCode = PolitiqueQuorum.DroitCommun.Code };
        db.Add(seanceCm);
        await db.SaveChangesAsync(ct);
        var adoption = new PointOrdreDuJour
        {
            SeanceId = seanceCm.Id, Rang = cm.GetProperty("agenda_rank").GetInt32(), NumeroRapport = cm.GetProperty("report_number").GetString(),
            Theme = cm.GetProperty("commission").GetString(), Objet = cm.GetProperty("object").GetString()!, MatiereCode = "8.5", NatureCode = "DE",
            Genre = GenrePoint.Vote, Rapport = rapport, Visas = Liste("visas"), Considerants = Liste("considerants"), Articles = Liste("articles"),
            ResultatSansDecompte = ResultatDeliberation.Adoptee, Transmission = StatutTransmission.Transmis, Delibere = true,
        };
        db.Add(adoption);

        // Conseil de Territoire du Pays d'Aix, 12 December 2019, act 2019_CT2_587.
        var assemblee = assemblees["CT2"];
        var mandats = new Dictionary<string, Mandat>(StringComparer.Ordinal);
        Mandat Mandat(string nom)
        {
            if (!mandats.TryGetValue(nom, out var m))
            {
                m = new Mandat { AssembleeId = assemblee.Id, Elu = new Elu { Nom = nom }, Debut = DebutMandats, Fin = FinMandats };
                db.Add(m);
                mandats[nom] = m;
            }
            return m;
        }
        var presents = ct2.GetProperty("present").EnumerateArray().Select(e => e.GetString()!).ToList();
        var pouvoirs = ct2.GetProperty("absent_with_proxy").EnumerateArray().Select(e => (Mandant: e.GetProperty("member").GetString()!, Mandataire: e.GetProperty("proxy_holder").GetString()!)).ToList();
        var excuses = ct2.GetProperty("absent_without_proxy").EnumerateArray().Select(e => e.GetString()!).ToList();
        foreach (var nom in presents.Concat(pouvoirs.Select(p => p.Mandant)).Concat(excuses))
        {
            Mandat(nom);
        }
        await db.SaveChangesAsync(ct);

        var seance = new Seance
        {
            AssembleeId = assemblee.Id, Date = DateOnly.Parse(ct2.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            // As the founding text writes it after « s'est réuni ».
            Lieu = "au Château Saint-Hilaire à Coudoux", DateConvocation = DateOnly.Parse(ct2.GetProperty("convocation_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            FondementConvocation = ct2.GetProperty("legal_basis_convocation").GetString(),
            PresidentMandatId = mandats[ct2.GetProperty("president").GetString()!].Id, SecretaireMandatId = mandats[ct2.GetProperty("secretary").GetString()!].Id,
            PolitiqueCode = PolitiqueQuorum.DroitCommun.Code,
        };
        db.Add(seance);
        await db.SaveChangesAsync(ct);
        var acte = new PointOrdreDuJour
        {
            SeanceId = seance.Id, Rang = 1, NumeroRapport = ct2.GetProperty("report_number").GetString(), Theme = ct2.GetProperty("theme").GetString(),
            Objet = ct2.GetProperty("object").GetString()!, RapporteurMandatId = mandats[ct2.GetProperty("rapporteur").GetString()!].Id,
            MatiereCode = "8.5", NatureCode = "DE", Genre = GenrePoint.PriseActe, Rapport = rapport, Visas = Liste("visas"), Considerants = Liste("considerants"),
            Articles = Liste("articles"), TextePriseActe = t.GetProperty("texte_prise_acte").GetString(), NumeroActe = ct2.GetProperty("act_number").GetString(),
            Transmission = StatutTransmission.Acquitte, DateSignature = Date(ct2, "signed_on"), DateTransmission = Date(ct2, "prefecture_transmission_date"),
            DateAccuse = Date(ct2, "prefecture_reception_date"), Delibere = true,
        };
        db.Add(acte);
        await db.SaveChangesAsync(ct);
        db.AddRange(presents.Select(n => new Presence { PointId = acte.Id, MandatId = mandats[n].Id, Statut = StatutPresence.Present }));
        db.AddRange(pouvoirs.Select(p => new Presence { PointId = acte.Id, MandatId = mandats[p.Mandant].Id, Statut = StatutPresence.Represente, MandataireMandatId = mandats[p.Mandataire].Id }));
        db.AddRange(excuses.Select(n => new Presence { PointId = acte.Id, MandatId = mandats[n].Id, Statut = StatutPresence.Excuse }));
        // Both acts concern the plan; the Métropole's also opens its budget line (article 3).
        db.AddRange(
            new LienDeliberation { PointId = adoption.Id, Type = Plan.PlanLinkTarget.TypeLien, Reference = Plan.PlanService.PlanPrincipal },
            new LienDeliberation { PointId = adoption.Id, Type = Budget.LigneBudgetaireLinkTarget.TypeLien, Reference = "D110-65748-552" },
            new LienDeliberation { PointId = acte.Id, Type = Plan.PlanLinkTarget.TypeLien, Reference = Plan.PlanService.PlanPrincipal });
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Date(JsonElement e, string nom) => DateOnly.Parse(e.GetProperty(nom).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>« du Pays d'Aix », « de Marseille Provence », « d'Istres-Ouest Provence ».</summary>
    private static string Article(string nom) =>
        nom.StartsWith("Pays", StringComparison.Ordinal) ? "du " + nom : "AEIOUÉ".Contains(nom[0], StringComparison.Ordinal) ? "d'" + nom : "de " + nom;
}

/// <summary>Kinds of records a deliberation can concern, for <see cref="LienDeliberation"/>.</summary>
/// <summary>
/// Links between acts. Links to other modules' records are typed by those modules (<c>ILinkTarget</c>, for example
/// <c>Plan.ActionPlanLinkTarget.TypeLien</c>).
/// </summary>
public static class LiensDeliberation
{
    /// <summary>This act withdraws an earlier signed act (reference: the earlier act's id).</summary>
    public const string RetraitActe = "acte-retrait";
    /// <summary>This act replaces an earlier signed act (reference: the earlier act's id).</summary>
    public const string RemplacementActe = "acte-remplacement";
}
