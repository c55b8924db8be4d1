using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The register in the audit log, in the secretariat's words: « Vote enregistré sur le point 4 de la
/// séance du 10/12/2026 (Conseil de Territoire du Pays d'Aix) : 2 pour, 3 contre… ».
/// </summary>
public static class DeliberationsAudit
{
    private const string Module = "Délibérations";

    private static string Court(string texte) => texte.Length > 60 ? texte[..57] + "…" : texte;

    private static string NomAssemblee(DbContext db, int id) =>
        AuditReader.Read<Assemblee, string>(db, a => a.Id == id, a => a.Id == id, a => a.Nom) ?? "?";

    private static string Seance(DbContext db, int seanceId)
    {
        var s = AuditReader.Read<Seance, Seance>(db, s => s.Id == seanceId, s => s.Id == seanceId, s => s);
        return s is null ? "une séance supprimée" : $"la séance du {s.Date:dd/MM/yyyy} ({NomAssemblee(db, s.AssembleeId)})";
    }

    private static string Point(PointOrdreDuJour p, DbContext db) =>
        $"le point {p.Rang}{(p.NumeroActe is null ? "" : $" (acte {p.NumeroActe})")} « {Court(p.Objet)} » {French.DeGroupe(Seance(db, p.SeanceId))}";

    private static string PointParId(DbContext db, int id) =>
        AuditReader.Read<PointOrdreDuJour, PointOrdreDuJour>(db, p => p.Id == id, p => p.Id == id, p => p) is { } p ? Point(p, db) : "un point supprimé";

    private static string Membre(DbContext db, int? mandatId)
    {
        if (mandatId is null)
        {
            return "personne";
        }
        var eluId = AuditReader.Read<Mandat, int>(db, m => m.Id == mandatId, m => m.Id == mandatId, m => m.EluId);
        return AuditReader.Read<Elu, string>(db, e => e.Id == eluId, e => e.Id == eluId, e => e.Nom) ?? "?";
    }

    /// <summary>What a save of an item tells: vote, taking note, signature, transmission, attendance — or the generic list of fields.</summary>
    private static string? PhrasePoint(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<PointOrdreDuJour> e, AuditState etat, DbContext db)
    {
        if (etat == AuditState.Suppression && e.Entity.ImporteLe is { } importe)
        {
            return $"Import annulé : suppression {French.DeGroupe(Point(e.Entity, db))}, importé le {Platform.Web.Paris.Display(importe)}.";
        }
        if (etat != AuditState.Modification)
        {
            return null;
        }
        var p = e.Entity;
        bool Change(string nom) => e.Property(nom).IsModified && !Equals(e.Property(nom).OriginalValue, e.Property(nom).CurrentValue);
        var nom = Point(p, db);
        if (Change(nameof(PointOrdreDuJour.DateSignature)) && p.DateSignature is { } signe)
        {
            return $"Acte signé le {signe:dd/MM/yyyy} : {nom}.";
        }
        if (Change(nameof(PointOrdreDuJour.Transmission)))
        {
            var avant = Libelles.Transmission((StatutTransmission)e.Property(nameof(PointOrdreDuJour.Transmission)).OriginalValue!);
            var date = p.Transmission switch
            {
                StatutTransmission.Transmis => p.DateTransmission,
                StatutTransmission.Acquitte => p.DateAccuse,
                _ => null,
            };
            return $"Transmission à la préfecture {French.DeGroupe(nom)} : {avant} → {Libelles.Transmission(p.Transmission)}{(date is null ? "" : $" le {date:dd/MM/yyyy}")}{(p.Transmission == StatutTransmission.Refuse ? $" (motif : {p.MotifRefus})" : "")}.";
        }
        if (Change(nameof(PointOrdreDuJour.Delibere)) || Change(nameof(PointOrdreDuJour.Pour)) || Change(nameof(PointOrdreDuJour.Contre))
            || Change(nameof(PointOrdreDuJour.Abstention)) || Change(nameof(PointOrdreDuJour.NePrendPasPart)))
        {
            if (p.Genre == GenrePoint.PriseActe)
            {
                return $"Prise d'acte enregistrée sur {nom}.";
            }
            var s = new Scrutin(p.Pour ?? 0, p.Contre ?? 0, p.Abstention ?? 0, p.NePrendPasPart ?? 0, p.ScrutinSecret, p.VoixPresidentPour);
            return $"Vote enregistré sur {nom} : {s.Pour} pour, {s.Contre} contre, {French.Nombre(s.Abstention, "abstention", "abstentions")}, " +
                $"{s.NePrendPasPart} ne {(s.NePrendPasPart > 1 ? "prennent" : "prend")} pas part au vote{(s.Secret ? " (scrutin secret)" : "")} : délibération {Libelles.Resultat(s.Resultat())}.";
        }
        // A rectification tells its own line, with the previous wording.
        if (db.ChangeTracker.Entries<Rectification>().Any(r => r.State == EntityState.Added && r.Entity.PointId == p.Id))
        {
            return "";
        }
        var presences = db.ChangeTracker.Entries<Presence>().Where(x => x.Entity.PointId == p.Id && x.State == EntityState.Added).Select(x => x.Entity).ToList();
        if (presences.Count > 0 || db.ChangeTracker.Entries<Presence>().Any(x => x.Entity.PointId == p.Id && x.State == EntityState.Deleted))
        {
            int N(StatutPresence statut) => presences.Count(x => x.Statut == statut);
            return $"Présences enregistrées sur {nom} : {French.Nombre(N(StatutPresence.Present), "présent", "présents")}, {French.Nombre(N(StatutPresence.Represente), "représenté", "représentés")}, " +
                $"{French.Nombre(N(StatutPresence.Excuse), "excusé", "excusés")}, {French.Nombre(N(StatutPresence.Absent), "absent", "absents")}.";
        }
        return null;
    }

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<Assemblee>
        {
            Module = Module,
            Nom = (a, _) => $"l'assemblée « {a.Nom} »",
            Lien = a => $"/deliberations/assemblee/{a.Id}",
            Champs = new Dictionary<string, string> { ["Code"] = "code", ["Nom"] = "nom" },
        });
        services.AddAuditDescription(new AuditDescription<Elu>
        {
            Module = Module,
            Nom = (e, _) => $"le membre « {e.Nom} »",
            Champs = new Dictionary<string, string> { ["Nom"] = "nom" },
        });
        services.AddAuditDescription(new AuditDescription<Mandat>
        {
            Module = Module,
            Nom = (m, db) => $"le mandat de {m.Elu?.Nom ?? Membre(db, m.Id)} ({NomAssemblee(db, m.AssembleeId)})",
            Lien = m => $"/deliberations/assemblee/{m.AssembleeId}",
            Champs = new Dictionary<string, string> { ["Debut"] = "début", ["Fin"] = "fin" },
        });
        services.AddAuditDescription(new AuditDescription<Seance>
        {
            Module = Module,
            Nom = (s, db) => $"la séance du {s.Date:dd/MM/yyyy} ({NomAssemblee(db, s.AssembleeId)})",
            Lien = s => $"/deliberations/seance/{s.Id}",
            Champs = new Dictionary<string, string> { ["Date"] = "date", ["Lieu"] = "lieu", ["DateConvocation"] = "convocation", ["PolitiqueCode"] = "régime de quorum" },
            Formats = new Dictionary<string, Func<object?, string?>> { ["PolitiqueCode"] = c => c is string code ? PolitiqueQuorum.Find(code)?.Libelle ?? code : null },
            Phrase = (e, etat, db) => etat == AuditState.Modification && (e.Property(s => s.PresidentMandatId).IsModified || e.Property(s => s.SecretaireMandatId).IsModified)
                && !e.Property(s => s.Date).IsModified
                ? $"Bureau de la séance du {e.Entity.Date:dd/MM/yyyy} ({NomAssemblee(db, e.Entity.AssembleeId)}) : présidence {Membre(db, e.Entity.PresidentMandatId)}, secrétariat {Membre(db, e.Entity.SecretaireMandatId)}."
                : null,
        });
        services.AddAuditDescription(new AuditDescription<PointOrdreDuJour>
        {
            Module = Module,
            Nom = Point,
            Lien = p => $"/deliberations/point/{p.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Rang"] = "rang", ["NumeroRapport"] = "numéro du rapport", ["Objet"] = "objet", ["Theme"] = "thème", ["MatiereCode"] = "matière", ["NatureCode"] = "nature",
                ["Genre"] = "décision attendue", ["NumeroActe"] = "numéro d'acte", ["Rapport"] = "rapport", ["Considerants"] = "considérants", ["Articles"] = "articles",
            },
            Formats = new Dictionary<string, Func<object?, string?>> { ["Genre"] = g => g is GenrePoint.PriseActe ? "prise d'acte" : "vote" },
            Phrase = PhrasePoint,
        });
        // Attendance is told, counted, by its item's line.
        services.AddAuditDescription(new AuditDescription<Presence> { Module = Module, Nom = (_, _) => "", Silencieux = true });
        services.AddAuditDescription(new AuditDescription<LienDeliberation>
        {
            Module = Module,
            Nom = (l, db) => $"le lien {French.DeGroupe(PointParId(db, l.PointId))}",
            Lien = l => $"/deliberations/point/{l.PointId}",
            Phrase = (e, etat, db) =>
            {
                var l = e.Entity;
                var cible = l.Type is LiensDeliberation.RetraitActe or LiensDeliberation.RemplacementActe
                    ? $"{(l.Type == LiensDeliberation.RetraitActe ? "retire" : "remplace")} {PointParId(db, int.Parse(l.Reference, System.Globalization.CultureInfo.InvariantCulture))}"
                    : $"concerne : {AuditReader.Service<Platform.Extensions.LinkTargets>(db)?.Label(l.Type, l.Reference) ?? $"{l.Type} {l.Reference}"}";
                return etat switch
                {
                    AuditState.Creation => $"{French.Majuscule(PointParId(db, l.PointId))} {cible}.",
                    AuditState.Suppression => $"Lien retiré : {PointParId(db, l.PointId)} {cible}.",
                    _ => null,
                };
            },
        });
        services.AddAuditDescription(new AuditDescription<Rectification>
        {
            Module = Module,
            Nom = (r, db) => $"la rectification {French.DeGroupe(PointParId(db, r.PointId))}",
            Lien = r => $"/deliberations/point/{r.PointId}",
            Phrase = (e, etat, db) => etat == AuditState.Creation
                ? $"Rectification d'erreur matérielle {French.DeGroupe(PointParId(db, e.Entity.PointId))} ({(ChampsRectifiables.Find(e.Entity.Champ)?.Libelle ?? e.Entity.Champ).ToLowerInvariant()}) : « {AuditDescription<Rectification>.Format(e.Entity.AncienneValeur) ?? "vide"} » → « {AuditDescription<Rectification>.Format(e.Entity.NouvelleValeur) ?? "vide"} ». Motif : {e.Entity.Motif}"
                : null,
        });
    }
}
