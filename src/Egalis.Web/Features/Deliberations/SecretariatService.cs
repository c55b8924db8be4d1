using Egalis.Web.Platform.Workflows;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The assemblies' secretariat: prepares sessions and their agenda, records attendance and votes,
/// signs acts and follows their transmission to the prefecture. Each change checks its rules and
/// answers, field by field, in French; nothing is written when a rule fails. Changes are audited by
/// the data layer. An item is a draft until the assembly has decided; a signed act no longer changes,
/// except by a recorded rectification of a material error.
/// </summary>
public sealed partial class SecretariatService(EgalisDbContext db, TimeProvider time, Workflows workflows, Platform.Extensions.LinkTargets cibles)
{
    public sealed record NouvelleSeance(int AssembleeId, DateOnly Date, string? Lieu, DateOnly? DateConvocation, string PolitiqueCode,
        int? PresidentMandatId, int? SecretaireMandatId, int? SeanceInitialeId);

    public sealed record NouveauPoint(int SeanceId, int Rang, string? NumeroRapport, string? Theme, string Objet, int? RapporteurMandatId, string MatiereCode,
        string NatureCode, GenrePoint Genre, string? Rapport, IReadOnlyList<string> Considerants, IReadOnlyList<string> Articles, string? NumeroActe);

    /// <summary>The earliest date the register accepts (the Métropole was created in 2016; older acts of its predecessors may be recorded).</summary>
    public static readonly DateOnly DatePlancher = new(2000, 1, 1);

    public const int TailleMaxRapport = ChampsRectifiables.TailleMax;

    /// <summary>An imported act can be undone during this many days (a wrong text or assembly); after that it is part of the register.</summary>
    public const int JoursAnnulationImport = 7;

    private DateOnly Today => Paris.Today(time);

    /// <summary>Why a signed act refuses a change, with what can be done instead.</summary>
    public static string MessageActeSigne(string quoi) =>
        $"Cet acte est signé : {quoi}. Une faute de frappe dans son texte se corrige par une rectification d'erreur matérielle ; pour le reste, une nouvelle délibération le retire ou le remplace.";

    public async Task<List<Mandat>> MembresEnExerciceAsync(int assembleeId, DateOnly date, CancellationToken ct) =>
        await db.Set<Mandat>().AsNoTracking().Include(m => m.Elu)
            .Where(m => m.AssembleeId == assembleeId && m.Debut <= date && (m.Fin == null || date <= m.Fin))
            .OrderBy(m => m.Elu!.Nom).ToListAsync(ct);

    /// <summary>Saves, turning a concurrent change or a duplicate into a French message rather than an error page.</summary>
    private async Task<Result> SauverAsync(int? id, CancellationToken ct, string? doublon = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure(("", "Quelqu'un vient de modifier cet enregistrement en même temps que vous : rechargez la page pour voir ce qui a été enregistré, puis recommencez si besoin."));
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure(("", doublon ?? "Cet enregistrement vient d'être fait par quelqu'un d'autre, ou entre en conflit avec un autre : rechargez la page pour voir ce qui a été enregistré."));
        }
    }

    private List<(string, string)> VerifierDatesSeance(DateOnly date, DateOnly? convocation)
    {
        var erreurs = new List<(string, string)>();
        var limite = Today.AddYears(2);
        if (date < DatePlancher || date > limite)
        {
            erreurs.Add(("Date", $"La date de la séance doit être comprise entre le {DatePlancher:dd/MM/yyyy} et le {limite:dd/MM/yyyy}."));
        }
        if (convocation is { } c && c > date)
        {
            erreurs.Add(("DateConvocation", "La convocation doit précéder la séance."));
        }
        else if (convocation is { } c2 && c2 < date.AddDays(-90))
        {
            erreurs.Add(("DateConvocation", "La convocation est adressée au plus tôt 90 jours avant la séance."));
        }
        return erreurs;
    }

    public async Task<Result> CreerSeanceAsync(NouvelleSeance s, CancellationToken ct)
    {
        var erreurs = VerifierDatesSeance(s.Date, s.DateConvocation);
        if (!await db.Set<Assemblee>().AnyAsync(a => a.Id == s.AssembleeId, ct))
        {
            erreurs.Add(("AssembleeId", "Choisissez une assemblée de la liste."));
        }
        if (PolitiqueQuorum.Find(s.PolitiqueCode) is null)
        {
            erreurs.Add(("PolitiqueCode", "Choisissez un régime de quorum de la liste."));
        }
        if (s.Lieu?.Trim().Length > 200)
        {
            erreurs.Add(("Lieu", "Le lieu fait au plus 200 caractères."));
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        var membres = await MembresEnExerciceAsync(s.AssembleeId, s.Date, ct);
        if (s.PresidentMandatId is { } president && membres.All(m => m.Id != president))
        {
            erreurs.Add(("PresidentMandatId", "Le président doit être membre de l'assemblée à la date de la séance."));
        }
        if (s.SecretaireMandatId is { } secretaire && membres.All(m => m.Id != secretaire))
        {
            erreurs.Add(("SecretaireMandatId", "Le secrétaire de séance doit être membre de l'assemblée à la date de la séance."));
        }
        if (s.SeanceInitialeId is { } initialeId)
        {
            var initiale = await db.Set<Seance>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == initialeId && x.AssembleeId == s.AssembleeId, ct);
            if (initiale is null)
            {
                erreurs.Add(("SeanceInitialeId", "La séance initiale doit être une séance de la même assemblée."));
            }
            else if (ReglesReconvocation.Verifier(initiale.Date, s.Date, PolitiqueQuorum.Find(initiale.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun) is { } message)
            {
                erreurs.Add(("Date", message));
            }
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        var seance = new Seance
        {
            AssembleeId = s.AssembleeId, Date = s.Date, Lieu = Texts.Clean(s.Lieu), DateConvocation = s.DateConvocation,
            FondementConvocation = "article L.5211-1 du Code Général des Collectivités Territoriales", PolitiqueCode = s.PolitiqueCode,
            PresidentMandatId = s.PresidentMandatId, SecretaireMandatId = s.SecretaireMandatId, SeanceInitialeId = s.SeanceInitialeId,
        };
        db.Add(seance);
        var resultat = await SauverAsync(null, ct);
        return resultat.Ok ? Result.Success(seance.Id) : resultat;
    }

    /// <summary>The session's acts already decided: once one is, the session's date, place and rules no longer change.</summary>
    private Task<bool> SeanceDelibereeAsync(int seanceId, CancellationToken ct) =>
        db.Set<PointOrdreDuJour>().AnyAsync(p => p.SeanceId == seanceId && p.Delibere, ct);

    /// <summary>Corrects a session's date, place, convocation or quorum rules, until one of its items is decided.</summary>
    public async Task<Result> ModifierSeanceAsync(int seanceId, DateOnly date, string? lieu, DateOnly? convocation, string politiqueCode, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().SingleOrDefaultAsync(s => s.Id == seanceId, ct);
        if (seance is null)
        {
            return Result.Failure(("", "Cette séance n'existe pas."));
        }
        if (await SeanceDelibereeAsync(seanceId, ct))
        {
            return Result.Failure(("", "L'assemblée a déjà délibéré lors de cette séance : sa date, son lieu et son régime de quorum ne se modifient plus."));
        }
        var erreurs = VerifierDatesSeance(date, convocation);
        if (PolitiqueQuorum.Find(politiqueCode) is null)
        {
            erreurs.Add(("PolitiqueCode", "Choisissez un régime de quorum de la liste."));
        }
        if (lieu?.Trim().Length > 200)
        {
            erreurs.Add(("Lieu", "Le lieu fait au plus 200 caractères."));
        }
        if (erreurs.Count == 0 && date != seance.Date)
        {
            // Members chosen for the session must still be in office on the new date.
            var membres = await MembresEnExerciceAsync(seance.AssembleeId, date, ct);
            var utilises = new[] { seance.PresidentMandatId, seance.SecretaireMandatId }
                .Concat(await db.Set<PointOrdreDuJour>().Where(p => p.SeanceId == seanceId).Select(p => p.RapporteurMandatId).ToListAsync(ct))
                .Concat(await db.Set<Presence>().Where(p => db.Set<PointOrdreDuJour>().Any(o => o.Id == p.PointId && o.SeanceId == seanceId)).Select(p => (int?)p.MandatId).ToListAsync(ct))
                .Where(i => i is not null).Select(i => i!.Value).Distinct();
            if (utilises.Any(id => membres.All(m => m.Id != id)))
            {
                erreurs.Add(("Date", $"Des membres désignés pour cette séance ne sont pas en exercice le {date:dd/MM/yyyy} : changez d'abord le président, le secrétaire, les rapporteurs ou les présences."));
            }
            if (seance.SeanceInitialeId is { } initialeId && await db.Set<Seance>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == initialeId, ct) is { } initiale
                && ReglesReconvocation.Verifier(initiale.Date, date, PolitiqueQuorum.Find(initiale.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun) is { } message)
            {
                erreurs.Add(("Date", message));
            }
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        (seance.Date, seance.Lieu, seance.DateConvocation, seance.PolitiqueCode) = (date, Texts.Clean(lieu), convocation, politiqueCode);
        return await SauverAsync(seanceId, ct);
    }

    /// <summary>Deletes a session and its agenda, until one of its items is decided.</summary>
    public async Task<Result> SupprimerSeanceAsync(int seanceId, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().SingleOrDefaultAsync(s => s.Id == seanceId, ct);
        if (seance is null)
        {
            return Result.Failure(("", "Cette séance n'existe pas."));
        }
        if (await SeanceDelibereeAsync(seanceId, ct))
        {
            return Result.Failure(("", "L'assemblée a délibéré lors de cette séance : elle reste au registre."));
        }
        if (await db.Set<Seance>().AnyAsync(s => s.SeanceInitialeId == seanceId, ct))
        {
            return Result.Failure(("", "Une autre séance a été convoquée à nouveau après celle-ci : supprimez d'abord cette nouvelle séance."));
        }
        db.Remove(seance);
        await SupprimerPiecesAsync(await db.Set<PointOrdreDuJour>().Where(p => p.SeanceId == seanceId).Select(p => p.Id).ToListAsync(ct), ct);
        return await SauverAsync(seanceId, ct);
    }

    /// <summary>A draft's files go with it, in the same save (their contents follow by cascade).</summary>
    private async Task SupprimerPiecesAsync(IReadOnlyCollection<int> pointIds, CancellationToken ct)
    {
        var cles = pointIds.Select(PiecesActe.Cle).ToList();
        db.RemoveRange(await db.Set<Platform.Files.StoredFile>().Where(f => f.ProprietaireType == PiecesActe.TypeProprietaire && cles.Contains(f.ProprietaireId)).ToListAsync(ct));
    }

    public async Task<Result> DefinirBureauAsync(int seanceId, int? president, int? secretaire, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().SingleOrDefaultAsync(s => s.Id == seanceId, ct);
        if (seance is null)
        {
            return Result.Failure(("", "Cette séance n'existe pas."));
        }
        if (await db.Set<PointOrdreDuJour>().AnyAsync(p => p.SeanceId == seanceId && (p.DateSignature != null || p.Transmission != StatutTransmission.ATransmettre), ct))
        {
            return Result.Failure(("", "Un acte de cette séance est signé : son président et son secrétaire ne se modifient plus."));
        }
        var membres = await MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct);
        var erreurs = new List<(string, string)>();
        if (president is not null && membres.All(m => m.Id != president))
        {
            erreurs.Add(("PresidentMandatId", "Le président doit être membre de l'assemblée à la date de la séance."));
        }
        if (secretaire is not null && membres.All(m => m.Id != secretaire))
        {
            erreurs.Add(("SecretaireMandatId", "Le secrétaire de séance doit être membre de l'assemblée à la date de la séance."));
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        (seance.PresidentMandatId, seance.SecretaireMandatId) = (president, secretaire);
        return await SauverAsync(seanceId, ct);
    }

    private async Task<List<(string, string)>> VerifierPointAsync(NouveauPoint p, Seance seance, int? pointId, MatieresActes matieres, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        if (p.Rang is < 1 or > 999)
        {
            erreurs.Add(("Rang", "Le rang est un nombre de 1 à 999."));
        }
        else if (await db.Set<PointOrdreDuJour>().AnyAsync(x => x.SeanceId == p.SeanceId && x.Rang == p.Rang && x.Id != pointId, ct))
        {
            erreurs.Add(("Rang", $"Le rang {p.Rang} est déjà pris dans cette séance."));
        }
        if (string.IsNullOrWhiteSpace(p.Objet) || p.Objet.Trim().Length > 499)
        {
            erreurs.Add(("Objet", "L'objet est obligatoire et fait au plus 499 caractères (règle ACTES)."));
        }
        if (p.NumeroRapport?.Trim().Length > 50)
        {
            erreurs.Add(("NumeroRapport", "Le numéro du rapport fait au plus 50 caractères."));
        }
        if (p.Theme?.Trim().Length > 300)
        {
            erreurs.Add(("Theme", "Le thème fait au plus 300 caractères."));
        }
        if (p.Rapport?.Length > TailleMaxRapport)
        {
            erreurs.Add(("Rapport", "Le rapport fait au plus 100 000 caractères."));
        }
        if (p.Considerants.Sum(c => c.Length) > TailleMaxRapport)
        {
            erreurs.Add(("Considerants", "Les considérants font au plus 100 000 caractères en tout."));
        }
        if (p.Articles.Sum(c => c.Length) > TailleMaxRapport)
        {
            erreurs.Add(("Articles", "Les articles font au plus 100 000 caractères en tout."));
        }
        if (matieres.Nom(p.MatiereCode) is null || !p.MatiereCode.Contains('.'))
        {
            erreurs.Add(("MatiereCode", "Choisissez une matière de la classification ACTES (niveau 2, par exemple 8.5)."));
        }
        if (!ActesId.Natures.ContainsKey(p.NatureCode))
        {
            erreurs.Add(("NatureCode", "Choisissez une nature d'acte de la liste."));
        }
        if (p.NumeroActe is { } numero)
        {
            if (numero.Length > 15 || !NumeroActe().IsMatch(numero))
            {
                erreurs.Add(("NumeroActe", "Le numéro d'acte fait au plus 15 caractères : majuscules, chiffres et « _ », sans « _ » au début ni à la fin."));
            }
            else if (await db.Set<PointOrdreDuJour>().AnyAsync(x => x.NumeroActe == numero && x.Id != pointId, ct))
            {
                erreurs.Add(("NumeroActe", $"Le numéro d'acte {numero} est déjà attribué : il est unique au registre."));
            }
        }
        if (p.RapporteurMandatId is { } rapporteur && (await MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct)).All(m => m.Id != rapporteur))
        {
            erreurs.Add(("RapporteurMandatId", "Le rapporteur doit être membre de l'assemblée à la date de la séance."));
        }
        return erreurs;
    }

    private static void Appliquer(PointOrdreDuJour point, NouveauPoint p)
    {
        (point.Rang, point.NumeroRapport, point.Theme, point.Objet, point.RapporteurMandatId) = (p.Rang, Texts.Clean(p.NumeroRapport), Texts.Clean(p.Theme), p.Objet.Trim(), p.RapporteurMandatId);
        (point.MatiereCode, point.NatureCode, point.Genre, point.Rapport, point.NumeroActe) = (p.MatiereCode, p.NatureCode, p.Genre, Texts.Clean(p.Rapport), p.NumeroActe);
        point.Considerants = [.. p.Considerants];
        point.Articles = [.. p.Articles];
        point.TextePriseActe = p.Genre == GenrePoint.PriseActe ? point.TextePriseActe ?? "Après avoir pris connaissance du rapport, l'assemblée en prend acte." : null;
    }

    public async Task<Result> AjouterPointAsync(NouveauPoint p, MatieresActes matieres, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == p.SeanceId, ct);
        if (seance is null)
        {
            return Result.Failure(("SeanceId", "Cette séance n'existe pas."));
        }
        var erreurs = await VerifierPointAsync(p, seance, null, matieres, ct);
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        var point = new PointOrdreDuJour { SeanceId = p.SeanceId, Objet = "", MatiereCode = p.MatiereCode, Transmission = StatutTransmission.ATransmettre };
        Appliquer(point, p);
        db.Add(point);
        var resultat = await SauverAsync(null, ct);
        return resultat.Ok ? Result.Success(point.Id) : resultat;
    }

    /// <summary>Corrects an agenda item until its act is signed; once decided, a vote cannot become a taking note or the reverse.</summary>
    public async Task<Result> ModifierPointAsync(int pointId, NouveauPoint p, int version, MatieresActes matieres, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(x => x.Seance).SingleOrDefaultAsync(x => x.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (point.EstSigne)
        {
            return Result.Failure(("", MessageActeSigne("son texte et son numéro ne se modifient plus")));
        }
        if (point.Version != version)
        {
            return Result.Failure(("", "Quelqu'un vient de modifier ce point en même temps que vous : rechargez la page pour voir ce qui a été enregistré, puis recommencez si besoin."));
        }
        var erreurs = await VerifierPointAsync(p with { SeanceId = point.SeanceId }, point.Seance!, pointId, matieres, ct);
        if (point.Delibere && p.Genre != point.Genre)
        {
            erreurs.Add(("Genre", "L'assemblée s'est déjà prononcée : un vote ne devient pas une prise d'acte, ni l'inverse."));
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        Appliquer(point, p with { SeanceId = point.SeanceId });
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    /// <summary>Deletes an agenda item that the assembly has not decided yet (withdrawn from the agenda, or entered by mistake).</summary>
    public async Task<Result> SupprimerPointAsync(int pointId, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().SingleOrDefaultAsync(x => x.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (point.Delibere)
        {
            return Result.Failure(("", "L'assemblée s'est prononcée sur ce point : il reste au registre. Une nouvelle délibération peut le retirer."));
        }
        if (await db.Set<LienDeliberation>().AnyAsync(l => (l.Type == LiensDeliberation.RetraitActe || l.Type == LiensDeliberation.RemplacementActe) && l.Reference == pointId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct))
        {
            return Result.Failure(("", "Un autre acte retire ou remplace celui-ci : il reste au registre."));
        }
        db.Remove(point);
        await SupprimerPiecesAsync([pointId], ct);
        return await SauverAsync(pointId, ct);
    }

    /// <summary>
    /// Checks that attendance or a vote can be recorded: the session's day has come and the act is not signed.
    /// </summary>
    private string? RefusSaisieSeance(PointOrdreDuJour point, string quoi)
    {
        if (point.EstSigne)
        {
            return MessageActeSigne($"{quoi} ne se modifie plus");
        }
        if (point.Seance!.Date > Today)
        {
            return $"La séance du {point.Seance.Date:dd/MM/yyyy} n'a pas encore eu lieu : {quoi} s'enregistre à partir du jour de la séance.";
        }
        return null;
    }

    /// <summary>Replaces an item's attendance after checking every rule of the session's policy.</summary>
    public async Task<Result> EnregistrerPresencesAsync(int pointId, IReadOnlyList<LignePresence> lignes, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(p => p.Seance).SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (RefusSaisieSeance(point, "la liste des présences") is { } refus)
        {
            return Result.Failure(("", refus));
        }
        var seance = point.Seance!;
        var membres = await MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct);
        // Every member in office, each once: an id in a form is never trusted, and a partial list would erase the others.
        if (lignes.Select(l => l.MandatId).Distinct().Count() != lignes.Count || lignes.Count != membres.Count || lignes.Any(l => membres.All(m => m.Id != l.MandatId)))
        {
            return Result.Failure(("", "La liste des présences ne correspond pas aux membres en exercice : rechargez la page."));
        }
        var politique = PolitiqueQuorum.Find(seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        var deja = await SeancesCouvertesAsync(seance, lignes, ct);
        var erreurs = ReglesPresence.Verifier(lignes, politique, deja);
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs.Select(e => ($"presence-{e.MandatId}", e.Message)).ToList());
        }
        if (point.Delibere)
        {
            // The decision already recorded must still hold with the corrected attendance.
            var presents = lignes.Count(l => l.Statut == StatutPresence.Present);
            var representes = lignes.Count(l => l.Statut == StatutPresence.Represente);
            var quorum = seance.SeanceInitialeId is not null || politique.Evaluer(membres.Count, presents, representes).Atteint;
            if (!quorum)
            {
                var explication = politique.Evaluer(membres.Count, presents, representes).Explication(politique, membres.Count);
                return Result.Failure(("", $"L'assemblée s'est déjà prononcée sur ce point ; avec ces présences, {char.ToLowerInvariant(explication[0])}{explication[1..]}"));
            }
            if (point.Pour is not null && new Scrutin(point.Pour.Value, point.Contre ?? 0, point.Abstention ?? 0, point.NePrendPasPart ?? 0, point.ScrutinSecret, point.VoixPresidentPour).Verifier(presents + representes) is { Count: > 0 } incoherences)
            {
                return Result.Failure(("", $"L'assemblée s'est déjà prononcée sur ce point : {char.ToLowerInvariant(incoherences[0][0])}{incoherences[0][1..]} Corrigez d'abord le vote."));
            }
        }
        db.RemoveRange(await db.Set<Presence>().Where(p => p.PointId == pointId).ToListAsync(ct));
        db.AddRange(lignes.Select(l => new Presence { PointId = pointId, MandatId = l.MandatId, Statut = l.Statut, MandataireMandatId = l.Statut == StatutPresence.Represente ? l.MandataireId : null }));
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    /// <summary>How many consecutive earlier sessions each proxy (same giver, same holder) already covered.</summary>
    private async Task<Dictionary<int, int>> SeancesCouvertesAsync(Seance seance, IReadOnlyList<LignePresence> lignes, CancellationToken ct)
    {
        var representes = lignes.Where(l => l.Statut == StatutPresence.Represente && l.MandataireId is not null).ToList();
        var resultat = new Dictionary<int, int>();
        if (representes.Count == 0)
        {
            return resultat;
        }
        var precedentes = await db.Set<Seance>().AsNoTracking()
            .Where(s => s.AssembleeId == seance.AssembleeId && (s.Date < seance.Date || (s.Date == seance.Date && s.Id < seance.Id)))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Select(s => s.Id).Take(10).ToListAsync(ct);
        var mandants = representes.Select(r => r.MandatId).ToList();
        var procurations = await db.Set<Presence>().AsNoTracking()
            .Where(p => p.Statut == StatutPresence.Represente && mandants.Contains(p.MandatId))
            .Join(db.Set<PointOrdreDuJour>(), p => p.PointId, o => o.Id, (p, o) => new { o.SeanceId, p.MandatId, p.MandataireMandatId })
            .Where(x => precedentes.Contains(x.SeanceId)).ToListAsync(ct);
        foreach (var r in representes)
        {
            var suite = 0;
            foreach (var s in precedentes)
            {
                if (!procurations.Any(x => x.SeanceId == s && x.MandatId == r.MandatId && x.MandataireMandatId == r.MandataireId))
                {
                    break;
                }
                suite++;
            }
            resultat[r.MandatId] = suite;
        }
        return resultat;
    }

    /// <summary>Records the vote (or the taking note) once attendance is recorded and quorum is established: the act is then decided, and public.</summary>
    public async Task<Result> EnregistrerVoteAsync(int pointId, Scrutin? scrutin, Registre registre, CancellationToken ct)
    {
        var acte = (await registre.ListeAsync(pointId: pointId, inclureProjets: true, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (RefusSaisieSeance(acte.Point, acte.Point.Genre == GenrePoint.Vote ? "le vote" : "la prise d'acte") is { } refus)
        {
            return Result.Failure(("", refus));
        }
        if (acte.Presents is null)
        {
            return Result.Failure(("", "Enregistrez d'abord les présences pour ce point."));
        }
        if (acte.QuorumAtteint != true)
        {
            var politique = PolitiqueQuorum.Find(acte.Seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
            return Result.Failure(("", politique.Evaluer(acte.MembresEnExercice ?? 0, acte.Presents.Value, acte.Representes ?? 0).Explication(politique, acte.MembresEnExercice ?? 0)));
        }
        var point = await db.Set<PointOrdreDuJour>().SingleAsync(p => p.Id == pointId, ct);
        if (point.Genre == GenrePoint.Vote)
        {
            if (scrutin is null)
            {
                return Result.Failure(("Pour", "Indiquez les décomptes du vote."));
            }
            var erreurs = scrutin.Verifier(acte.Presents.Value + (acte.Representes ?? 0));
            if (erreurs.Count > 0)
            {
                return new Result(false, erreurs.Select(e => ("Pour", e)).ToList());
            }
            (point.Pour, point.Contre, point.Abstention, point.NePrendPasPart, point.ScrutinSecret, point.VoixPresidentPour) =
                (scrutin.Pour, scrutin.Contre, scrutin.Abstention, scrutin.NePrendPasPart, scrutin.Secret, scrutin.Pour == scrutin.Contre ? scrutin.VoixDuPresidentPour : null);
        }
        point.Delibere = true;
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    /// <summary>The president signs the decided act: from then on it is final.</summary>
    public async Task<Result> SignerAsync(int pointId, DateOnly? date, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(p => p.Seance).SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (point.EstSigne)
        {
            return Result.Failure(("", point.DateSignature is { } d ? $"Cet acte est déjà signé, le {d:dd/MM/yyyy}." : "Cet acte est déjà signé."));
        }
        if (!point.Delibere)
        {
            return Result.Failure(("", "L'assemblée ne s'est pas encore prononcée : enregistrez le vote ou la prise d'acte avant la signature."));
        }
        if (point.NumeroActe is null)
        {
            return Result.Failure(("", "Attribuez un numéro d'acte avant la signature (modifiez le point)."));
        }
        if (date is null)
        {
            return Result.Failure(("Date", "Indiquez la date de signature."));
        }
        if (date < point.Seance!.Date || date > Today)
        {
            return Result.Failure(("Date", $"La signature se date entre le jour de la séance ({point.Seance.Date:dd/MM/yyyy}) et aujourd'hui ({Today:dd/MM/yyyy})."));
        }
        point.DateSignature = date;
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    /// <summary>
    /// Transmission to the prefecture (<see cref="TransmissionActe"/>): à transmettre → transmis → acquitté, or refusé
    /// (then transmitted again). The act must be signed first; each date follows the one before and none is after
    /// today. Each step is kept in the act's history: who, when, from, to, why.
    /// </summary>
    public async Task<Result> ChangerTransmissionAsync(ClaimsPrincipal qui, int pointId, StatutTransmission nouveau, DateOnly? date, string? motif, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(p => p.Seance!).ThenInclude(s => s.Assemblee).SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        var resultat = await workflows.StepAsync(TransmissionActe.Workflow, qui, point.Seance!.Assemblee!, TransmissionActe.Cle(point.Id),
            point.Transmission, nouveau, () => AppliquerTransmission(point, nouveau, date, motif), date, motif);
        if (!resultat.Ok)
        {
            return resultat;
        }
        point.Transmission = nouveau;
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    private Result AppliquerTransmission(PointOrdreDuJour point, StatutTransmission nouveau, DateOnly? date, string? motif)
    {
        if (date is null)
        {
            return Result.Failure(("Date", "Indiquez la date."));
        }
        if (date > Today)
        {
            return Result.Failure(("Date", $"La date ne peut pas être postérieure à aujourd'hui ({Today:dd/MM/yyyy})."));
        }
        // Whatever the act's other dates, none of its transmission precedes the session that decided it.
        if (date < point.Seance!.Date)
        {
            return Result.Failure(("Date", $"La date ne peut pas précéder la séance du {point.Seance.Date:dd/MM/yyyy}."));
        }
        switch (nouveau)
        {
            case StatutTransmission.Transmis:
                if (point.DateSignature is null)
                    return Result.Failure(("Statut", "Enregistrez la signature de l'acte avant de le transmettre."));
                if (date < point.DateSignature)
                    return Result.Failure(("Date", $"La transmission ne peut pas précéder la signature du {point.DateSignature:dd/MM/yyyy}."));
                point.DateTransmission = date;
                point.MotifRefus = null;
                break;
            case StatutTransmission.Acquitte:
                if (date < point.DateTransmission)
                    return Result.Failure(("Date", $"L'accusé de réception ne peut pas précéder la transmission du {point.DateTransmission:dd/MM/yyyy}."));
                point.DateAccuse = date;
                break;
            case StatutTransmission.Refuse:
                if (date < point.DateTransmission)
                    return Result.Failure(("Date", $"Le refus ne peut pas précéder la transmission du {point.DateTransmission:dd/MM/yyyy}."));
                point.MotifRefus = motif!.Trim();
                break;
        }
        return Result.Success();
    }

    /// <summary>
    /// A rectification of a material error in a signed act's wording: who, when, what, why; the previous
    /// wording is kept and shown with the act. Before signature the item is simply edited.
    /// </summary>
    public async Task<Result> RectifierAsync(int pointId, string? champ, string? valeur, string? motif, string auteur, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (!point.EstSigne)
        {
            return Result.Failure(("", "Cet acte n'est pas encore signé : modifiez directement le point."));
        }
        var c = ChampsRectifiables.Find(champ);
        var erreurs = new List<(string, string)>();
        if (c is null)
        {
            erreurs.Add(("Champ", "Choisissez la partie du texte à rectifier."));
        }
        var nouvelle = c?.Code is "Considerants" or "Articles" ? string.Join("\n", Texts.Lines(valeur)) : c?.Code == "Rapport" ? valeur?.Trim() : Texts.Clean(valeur);
        if (c is not null && c.Obligatoire && string.IsNullOrEmpty(nouvelle))
        {
            erreurs.Add(("Valeur", $"Indiquez le texte rectifié ({c.Libelle.ToLowerInvariant()})."));
        }
        if (c is not null && nouvelle?.Length > c.Taille)
        {
            erreurs.Add(("Valeur", $"Ce texte fait au plus {c.Taille} caractères."));
        }
        if (string.IsNullOrWhiteSpace(motif) || motif.Trim().Length > 1000)
        {
            erreurs.Add(("Motif", "Indiquez l'erreur matérielle corrigée (1 000 caractères au plus)."));
        }
        if (c is not null && erreurs.Count == 0 && (c.Lire(point) ?? "") == (nouvelle ?? ""))
        {
            erreurs.Add(("Valeur", "Le texte rectifié est identique au texte actuel."));
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        db.Add(new Rectification
        {
            PointId = pointId, Quand = time.GetUtcNow(), Auteur = auteur.Length > 256 ? auteur[..256] : auteur, Champ = c!.Code,
            AncienneValeur = c.Lire(point), NouvelleValeur = nouvelle, Motif = motif!.Trim(),
        });
        c.Ecrire(point, string.IsNullOrEmpty(nouvelle) ? null : nouvelle);
        point.Version++;
        return await SauverAsync(pointId, ct);
    }

    public async Task<Result> CreerCommissionAsync(string code, string nom, CancellationToken ct)
    {
        var propre = code.Trim().ToUpperInvariant();
        if (propre.Length > 30 || !Regex.IsMatch(propre, "^[A-Z0-9][A-Z0-9-]{1,29}$"))
        {
            return Result.Failure(("Code", "Le code fait de 2 à 30 majuscules, chiffres ou tirets, par exemple COM-COHESION."));
        }
        if (string.IsNullOrWhiteSpace(nom) || nom.Trim().Length > 200)
        {
            return Result.Failure(("Nom", "Indiquez le nom de la commission (200 caractères au plus)."));
        }
        if (await db.Set<Assemblee>().AnyAsync(a => a.Code == propre, ct))
        {
            return Result.Failure(("Code", $"Le code {propre} est déjà pris."));
        }
        var assemblee = new Assemblee { Code = propre, Nom = nom.Trim(), Type = TypeAssemblee.Commission };
        db.Add(assemblee);
        var resultat = await SauverAsync(null, ct, $"Le code {propre} vient d'être pris par quelqu'un d'autre : rechargez la page.");
        return resultat.Ok ? Result.Success(assemblee.Id) : new Result(false, [("Code", resultat.Errors[0].Message)]);
    }

    private List<(string, string)> VerifierDatesMandat(DateOnly debut, DateOnly? fin)
    {
        var erreurs = new List<(string, string)>();
        var limite = Today.AddYears(2);
        if (debut < DatePlancher || debut > limite)
        {
            erreurs.Add(("Debut", $"Le début du mandat doit être compris entre le {DatePlancher:dd/MM/yyyy} et le {limite:dd/MM/yyyy}."));
        }
        if (fin is { } f && f < debut)
        {
            erreurs.Add(("Fin", $"La fin du mandat ne peut pas précéder son début ({debut:dd/MM/yyyy})."));
        }
        else if (fin is { } f2 && f2 > debut.AddYears(10))
        {
            erreurs.Add(("Fin", "Un mandat dure au plus 10 ans : vérifiez la date de fin."));
        }
        return erreurs;
    }

    /// <summary>
    /// Corrects a term's start and end; the sessions where the member is recorded (present, represented,
    /// holding a proxy, presiding, reporting) must stay inside the term.
    /// </summary>
    public async Task<Result> ModifierMandatAsync(int assembleeId, int mandatId, DateOnly debut, DateOnly? fin, CancellationToken ct)
    {
        var mandat = await db.Set<Mandat>().SingleOrDefaultAsync(m => m.Id == mandatId && m.AssembleeId == assembleeId, ct);
        if (mandat is null)
        {
            return Result.Failure(("", "Ce mandat n'existe pas dans cette assemblée."));
        }
        var erreurs = VerifierDatesMandat(debut, fin);
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        var dates = await DatesDesSeancesAsync(mandatId, ct);
        if (dates.FirstOrDefault(d => d < debut) is var avant && avant != default)
        {
            return Result.Failure(("Debut", $"Ce membre figure à la séance du {avant:dd/MM/yyyy} : le début du mandat ne peut pas la suivre."));
        }
        if (fin is { } f && dates.LastOrDefault(d => d > f) is var apres && apres != default)
        {
            return Result.Failure(("Fin", $"Ce membre figure à la séance du {apres:dd/MM/yyyy} : la fin du mandat ne peut pas la précéder."));
        }
        if (await db.Set<Mandat>().AnyAsync(m => m.Id != mandatId && m.EluId == mandat.EluId && m.AssembleeId == assembleeId && (m.Fin == null || m.Fin >= debut) && (fin == null || m.Debut <= fin), ct))
        {
            return Result.Failure(("Debut", "Ce membre a un autre mandat dans cette assemblée sur cette période."));
        }
        if (CouvreUneSeanceDeliberee(await DatesDelibereesAsync(assembleeId, ct), debut, fin, mandat.Debut, mandat.Fin) is { } couverte)
        {
            return Result.Failure(("Debut", couverte));
        }
        (mandat.Debut, mandat.Fin) = (debut, fin);
        return await SauverAsync(mandatId, ct);
    }

    /// <summary>Ends a term (a member leaves); attendance already recorded after that date must be corrected first.</summary>
    public async Task<Result> TerminerMandatAsync(int assembleeId, int mandatId, DateOnly fin, CancellationToken ct)
    {
        var mandat = await db.Set<Mandat>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == mandatId && m.AssembleeId == assembleeId, ct);
        return mandat is null
            ? Result.Failure(("Fin", "Ce mandat n'existe pas dans cette assemblée."))
            : await ModifierMandatAsync(assembleeId, mandatId, mandat.Debut, fin, ct);
    }

    /// <summary>The dates of the assembly's sessions where it has decided at least one item: their members in office no longer change.</summary>
    private Task<List<DateOnly>> DatesDelibereesAsync(int assembleeId, CancellationToken ct) =>
        db.Set<Seance>().Where(s => s.AssembleeId == assembleeId && db.Set<PointOrdreDuJour>().Any(p => p.SeanceId == s.Id && p.Delibere))
            .Select(s => s.Date).Distinct().ToListAsync(ct);

    /// <summary>
    /// A term added, widened or narrowed must not change who was in office at a session whose acts are decided:
    /// its members in office, quorum and absences are part of the act. Returns the message, or null.
    /// </summary>
    private static string? CouvreUneSeanceDeliberee(List<DateOnly> deliberees, DateOnly debut, DateOnly? fin, DateOnly? ancienDebut = null, DateOnly? ancienFin = null)
    {
        static bool Dans(DateOnly d, DateOnly debut, DateOnly? fin) => debut <= d && (fin is null || d <= fin);
        var date = deliberees.Where(d => Dans(d, debut, fin) != (ancienDebut is { } a && Dans(d, a, ancienFin))).Order().FirstOrDefault();
        return date == default
            ? null
            : $"Ce mandat changerait les membres en exercice à la séance du {date:dd/MM/yyyy}, où l'assemblée a déjà délibéré : ils ne changent plus. Choisissez des dates qui laissent cette séance comme elle était.";
    }

    /// <summary>The dates of the sessions where a term is used, in order.</summary>
    private async Task<List<DateOnly>> DatesDesSeancesAsync(int mandatId, CancellationToken ct)
    {
        var parPresence = db.Set<Presence>().Where(p => p.MandatId == mandatId || p.MandataireMandatId == mandatId)
            .Join(db.Set<PointOrdreDuJour>(), p => p.PointId, o => o.Id, (p, o) => o.SeanceId);
        var parRapport = db.Set<PointOrdreDuJour>().Where(o => o.RapporteurMandatId == mandatId).Select(o => o.SeanceId);
        var parBureau = db.Set<Seance>().Where(s => s.PresidentMandatId == mandatId || s.SecretaireMandatId == mandatId).Select(s => s.Id);
        var ids = await parPresence.Concat(parRapport).Concat(parBureau).Distinct().ToListAsync(ct);
        return (await db.Set<Seance>().Where(s => ids.Contains(s.Id)).Select(s => s.Date).ToListAsync(ct)).Order().ToList();
    }

    public async Task<Result> AjouterMembreAsync(int assembleeId, string nom, DateOnly debut, DateOnly? fin, CancellationToken ct)
    {
        var erreurs = VerifierDatesMandat(debut, fin);
        if (string.IsNullOrWhiteSpace(nom) || nom.Trim().Length > 200)
        {
            erreurs.Insert(0, ("Nom", "Indiquez le nom, sous la forme « NOM Prénom » (200 caractères au plus)."));
        }
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs);
        }
        var propre = Espaces().Replace(nom.Trim(), " ");
        // The same person whatever the case, accents or word order (« Dupont Jean » is « DUPONT Jean »), as the imports match them.
        var cle = LecteurDeliberation.Cle(propre);
        var elu = (await db.Set<Elu>().ToListAsync(ct)).FirstOrDefault(e => LecteurDeliberation.Cle(e.Nom) == cle) ?? new Elu { Nom = propre };
        propre = elu.Nom;
        if (CouvreUneSeanceDeliberee(await DatesDelibereesAsync(assembleeId, ct), debut, fin) is { } couverte)
        {
            return Result.Failure(("Debut", couverte));
        }
        if (elu.Id != 0 && await db.Set<Mandat>().AnyAsync(m => m.EluId == elu.Id && m.AssembleeId == assembleeId && (m.Fin == null || m.Fin >= debut) && (fin == null || m.Debut <= fin), ct))
        {
            return Result.Failure(("Nom", $"{propre} a déjà un mandat dans cette assemblée sur cette période."));
        }
        var mandat = new Mandat { AssembleeId = assembleeId, Elu = elu, Debut = debut, Fin = fin };
        db.Add(mandat);
        var resultat = await SauverAsync(null, ct, $"Le mandat {French.De(propre)} vient d'être enregistré par quelqu'un d'autre : rechargez la page pour le voir.");
        return resultat.Ok ? Result.Success(mandat.Id) : new Result(false, [("Nom", resultat.Errors[0].Message)]);
    }

    public sealed record MembreImporte(int Ligne, string Nom, DateOnly Debut, DateOnly? Fin, bool NouveauMembre);
    public sealed record AnalyseMembres(List<MembreImporte> Membres, List<(int Ligne, string Message)> Erreurs)
    {
        public bool Applicable => Erreurs.Count == 0 && Membres.Count > 0;
    }

    /// <summary>Columns of a members file: « nom;debut;fin » (dates as 15/07/2020 or 2020-07-15).</summary>
    public static readonly string[] ColonnesMembres = ["nom", "debut", "fin"];
    public const int MembresParFichier = 500;

    /// <summary>
    /// Checks a file of members and their terms: every line, against the file itself and against the
    /// assembly's terms; names are matched to people already known whatever their case, accents or word order.
    /// </summary>
    public async Task<AnalyseMembres> AnalyserMembresAsync(int assembleeId, string contenu, CancellationToken ct)
    {
        var erreurs = new List<(int, string)>();
        var lignes = Platform.Exports.CsvInput.Read(contenu, (n, m) => erreurs.Add((n, m)), ColonnesMembres, ["début"]);
        var membres = new List<MembreImporte>();
        if (lignes.Count > MembresParFichier)
        {
            erreurs.Add((1, $"Le fichier compte {lignes.Count} membres : {MembresParFichier} au plus par import."));
            return new AnalyseMembres(membres, erreurs);
        }
        var elus = await db.Set<Elu>().AsNoTracking().ToListAsync(ct);
        var parCle = elus.GroupBy(e => LecteurDeliberation.Cle(e.Nom)).ToDictionary(g => g.Key, g => g.First());
        var mandats = await db.Set<Mandat>().AsNoTracking().Where(m => m.AssembleeId == assembleeId).ToListAsync(ct);
        var deliberees = await DatesDelibereesAsync(assembleeId, ct);
        static DateOnly? Date(string? texte) =>
            texte is not null && DateOnly.TryParseExact(texte, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        foreach (var l in lignes)
        {
            var nom = l["nom"] is { } brut ? Espaces().Replace(brut, " ") : null;
            var debutTexte = l["debut"] ?? l["début"];
            var (debut, fin) = (Date(debutTexte), Date(l["fin"]));
            var avant = erreurs.Count;
            if (nom is null || nom.Length > 200)
            {
                erreurs.Add((l.Numero, "Indiquez le nom, sous la forme « NOM Prénom » (200 caractères au plus)."));
            }
            if (debut is null)
            {
                erreurs.Add((l.Numero, debutTexte is null ? "Indiquez le début du mandat." : $"Le début « {debutTexte} » n'est pas une date (jj/mm/aaaa)."));
            }
            if (l["fin"] is { } finTexte && fin is null)
            {
                erreurs.Add((l.Numero, $"La fin « {finTexte} » n'est pas une date (jj/mm/aaaa)."));
            }
            if (erreurs.Count > avant)
            {
                continue;
            }
            var dates = VerifierDatesMandat(debut!.Value, fin);
            if (dates.Count > 0)
            {
                erreurs.AddRange(dates.Select(e => (l.Numero, e.Item2)));
                continue;
            }
            if (CouvreUneSeanceDeliberee(deliberees, debut.Value, fin) is { } couverte)
            {
                erreurs.Add((l.Numero, couverte));
                continue;
            }
            var cle = LecteurDeliberation.Cle(nom!);
            var connu = parCle.GetValueOrDefault(cle);
            bool Chevauche(DateOnly d, DateOnly? f, DateOnly d2, DateOnly? f2) => (f2 == null || f2 >= d) && (f == null || d2 <= f);
            if (connu is not null && mandats.Any(m => m.EluId == connu.Id && Chevauche(debut.Value, fin, m.Debut, m.Fin)))
            {
                erreurs.Add((l.Numero, $"{connu.Nom} a déjà un mandat dans cette assemblée sur cette période."));
                continue;
            }
            if (membres.FirstOrDefault(m => LecteurDeliberation.Cle(m.Nom) == cle && Chevauche(debut.Value, fin, m.Debut, m.Fin)) is { } double_)
            {
                erreurs.Add((l.Numero, $"{nom} figure déjà à la ligne {double_.Ligne} pour une période qui se chevauche."));
                continue;
            }
            membres.Add(new MembreImporte(l.Numero, connu?.Nom ?? nom!, debut.Value, fin, connu is null && membres.All(m => LecteurDeliberation.Cle(m.Nom) != cle)));
        }
        return new AnalyseMembres(membres, erreurs.OrderBy(e => e.Item1).ToList());
    }

    /// <summary>Records the members of a checked file, all in one transaction or none.</summary>
    public async Task<AnalyseMembres> ImporterMembresAsync(int assembleeId, string contenu, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var analyse = await AnalyserMembresAsync(assembleeId, contenu, ct);
        if (!analyse.Applicable)
        {
            return analyse;
        }
        var elus = await db.Set<Elu>().ToListAsync(ct);
        var parCle = elus.GroupBy(e => LecteurDeliberation.Cle(e.Nom)).ToDictionary(g => g.Key, g => g.First());
        foreach (var m in analyse.Membres)
        {
            var cle = LecteurDeliberation.Cle(m.Nom);
            if (!parCle.TryGetValue(cle, out var elu))
            {
                elu = new Elu { Nom = m.Nom };
                parCle[cle] = elu;
            }
            db.Add(new Mandat { AssembleeId = assembleeId, Elu = elu, Debut = m.Debut, Fin = m.Fin });
        }
        var resultat = await SauverAsync(null, ct);
        if (!resultat.Ok)
        {
            return analyse with { Erreurs = [(0, resultat.Errors[0].Message)] };
        }
        await transaction.CommitAsync(ct);
        return analyse;
    }

    /// <summary>
    /// Checks what an import would record; an empty list means it can be saved. The reader's unread
    /// passages come first: nothing is saved from a text that was not entirely understood.
    /// </summary>
    public async Task<List<string>> VerifierImportAsync(LecteurDeliberation.Lecture l, Assemblee assemblee, string matiereCode, MatieresActes matieres, CancellationToken ct)
    {
        var erreurs = new List<string>(l.NonLus);
        if (l.Date is null) erreurs.Add("La date de la séance n'a pas été lue.");
        if (l.Objet is null) erreurs.Add("L'objet n'a pas été lu.");
        else if (l.Objet.Length > 499) erreurs.Add($"L'objet fait {l.Objet.Length} caractères : 499 au plus (règle ACTES).");
        if (matieres.Nom(matiereCode) is null || !matiereCode.Contains('.')) erreurs.Add("Choisissez la matière de l'acte.");
        if (l.Assemblee is not null && !LecteurDeliberation.MemeAssemblee(l.Assemblee, assemblee.Nom))
        {
            erreurs.Add($"Le texte est celui d'une délibération du « {l.Assemblee} », pas du « {assemblee.Nom} » choisi : choisissez la bonne assemblée.");
        }
        if (l.Date is { } jour && jour > Today)
        {
            erreurs.Add($"La séance lue est datée du {jour:dd/MM/yyyy}, après aujourd'hui : seules les délibérations passées s'importent.");
        }
        if (l.NumeroActe is not null && await db.Set<PointOrdreDuJour>().AnyAsync(p => p.NumeroActe == l.NumeroActe, ct))
        {
            erreurs.Add($"L'acte {l.NumeroActe} est déjà au registre.");
        }
        else if (l.Date is { } jourSeance && l.Objet is { } objetLu
            && await db.Set<PointOrdreDuJour>().AnyAsync(p => p.Seance!.AssembleeId == assemblee.Id && p.Seance.Date == jourSeance && p.Objet == objetLu, ct))
        {
            erreurs.Add($"Une délibération du {jourSeance:dd/MM/yyyy} de cette assemblée a déjà cet objet : elle est déjà au registre.");
        }
        if (l.Date is not null && erreurs.Count == 0)
        {
            var noms = l.Presents.Concat(l.Pouvoirs.Select(p => p.Mandant)).Concat(l.Excuses).ToList();
            var lignes = noms.Select((n, i) => new LignePresence(-(i + 1), n,
                l.Presents.Contains(n) ? StatutPresence.Present : l.Excuses.Contains(n) ? StatutPresence.Excuse : StatutPresence.Represente,
                l.Pouvoirs.FirstOrDefault(p => p.Mandant == n).Mandataire is { } m && noms.IndexOf(m) >= 0 ? -(noms.IndexOf(m) + 1) : null)).ToList();
            erreurs.AddRange(l.Pouvoirs.Where(p => !l.Presents.Contains(p.Mandataire)).Select(p => $"{p.Mandataire} porte le pouvoir de {p.Mandant} mais ne figure pas parmi les présents."));
            erreurs.AddRange(ReglesPresence.Verifier(lignes, PolitiqueQuorum.DroitCommun).Select(e => e.Message).Distinct());
            if (noms.Distinct().Count() != noms.Count) erreurs.Add("Un même membre figure dans plusieurs listes.");
        }
        return erreurs;
    }

    /// <summary>Records an imported act, its session (found or created), terms and attendance, in one transaction.</summary>
    public async Task<Result> ImporterAsync(LecteurDeliberation.Lecture l, Assemblee assemblee, string matiereCode, MatieresActes matieres, CancellationToken ct)
    {
        var erreurs = await VerifierImportAsync(l, assemblee, matiereCode, matieres, ct);
        if (erreurs.Count > 0)
        {
            return new Result(false, erreurs.Select(e => ("", e)).ToList());
        }
        try
        {
            return await EnregistrerImportAsync(l, assemblee, matiereCode, ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A double click, or two secretaries importing the same text: the first one is kept.
            db.ChangeTracker.Clear();
            return Result.Failure(("", "Cette délibération vient d'être enregistrée par quelqu'un d'autre : elle est déjà au registre."));
        }
    }

    private async Task<Result> EnregistrerImportAsync(LecteurDeliberation.Lecture l, Assemblee assemblee, string matiereCode, CancellationToken ct)
    {
        var date = l.Date!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seance = await db.Set<Seance>().FirstOrDefaultAsync(s => s.AssembleeId == assemblee.Id && s.Date == date, ct);
        if (seance is null)
        {
            seance = new Seance { AssembleeId = assemblee.Id, Date = date, Lieu = l.Lieu, DateConvocation = l.DateConvocation, PolitiqueCode = PolitiqueQuorum.DroitCommun.Code,
                FondementConvocation = "article L.5211-1 du Code Général des Collectivités Territoriales" };
            db.Add(seance);
            await db.SaveChangesAsync(ct);
        }
        // Members are matched to the assembly's terms in force that day, whatever the order, case or accents of their names.
        var enExercice = await db.Set<Mandat>().Include(m => m.Elu).Where(m => m.AssembleeId == assemblee.Id && m.Debut <= date && (m.Fin == null || date <= m.Fin)).ToListAsync(ct);
        var parCle = enExercice.GroupBy(m => LecteurDeliberation.Cle(m.Elu!.Nom)).ToDictionary(g => g.Key, g => g.First());
        var elus = await db.Set<Elu>().ToListAsync(ct);
        var crees = new List<Mandat>();
        Mandat Mandat(string nom)
        {
            var cle = LecteurDeliberation.Cle(nom);
            if (!parCle.TryGetValue(cle, out var mandat))
            {
                // Unknown that day: a term recorded for the session's date, to be completed on the assembly's page.
                var elu = elus.FirstOrDefault(e => LecteurDeliberation.Cle(e.Nom) == cle) ?? new Elu { Nom = nom };
                mandat = new Mandat { AssembleeId = assemblee.Id, Elu = elu, Debut = date, Fin = date };
                db.Add(mandat);
                crees.Add(mandat);
                parCle[cle] = mandat;
            }
            return mandat;
        }
        var presents = l.Presents.Select(Mandat).ToList();
        var representes = l.Pouvoirs.Select(p => (Mandant: Mandat(p.Mandant), Mandataire: Mandat(p.Mandataire))).ToList();
        var excuses = l.Excuses.Select(Mandat).ToList();
        var secretaire = l.Secretaire is null ? null : Mandat(l.Secretaire);
        var rapporteur = l.Rapporteur is null ? null : Mandat(l.Rapporteur);
        await db.SaveChangesAsync(ct);
        seance.SecretaireMandatId ??= secretaire?.Id;

        var rang = (await db.Set<PointOrdreDuJour>().Where(p => p.SeanceId == seance.Id).Select(p => (int?)p.Rang).MaxAsync(ct) ?? 0) + 1;
        var acquitte = l.DateTransmission is not null && l.DateAccuse is not null;
        var point = new PointOrdreDuJour
        {
            SeanceId = seance.Id, Rang = rang, Objet = l.Objet!, MatiereCode = matiereCode, NatureCode = "DE", NumeroActe = l.NumeroActe,
            Genre = l.PriseActe ? GenrePoint.PriseActe : GenrePoint.Vote, RapporteurMandatId = rapporteur?.Id,
            TextePriseActe = l.PriseActe ? "Après avoir pris connaissance du rapport, l'assemblée en prend acte et le transforme en délibération." : null,
            DateSignature = l.DateSignature, DateTransmission = l.DateTransmission, DateAccuse = l.DateAccuse,
            Transmission = acquitte ? StatutTransmission.Acquitte : l.DateTransmission is not null ? StatutTransmission.Transmis : StatutTransmission.ATransmettre,
            // The extract records a decision already taken.
            Delibere = true, ImporteLe = time.GetUtcNow(),
        };
        db.Add(point);
        await db.SaveChangesAsync(ct);
        foreach (var cree in crees)
        {
            cree.CreeParImportPointId = point.Id;
        }
        db.AddRange(presents.Select(m => new Presence { PointId = point.Id, MandatId = m.Id, Statut = StatutPresence.Present }));
        db.AddRange(representes.Select(r => new Presence { PointId = point.Id, MandatId = r.Mandant.Id, Statut = StatutPresence.Represente, MandataireMandatId = r.Mandataire.Id }));
        db.AddRange(excuses.Select(m => new Presence { PointId = point.Id, MandatId = m.Id, Statut = StatutPresence.Excuse }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success(point.Id);
    }

    /// <summary>
    /// Undoes an import made by mistake (wrong text, wrong assembly), within a few days: removes the act,
    /// its attendance and links, the terms the import created that nothing else uses, and the session
    /// if the import created it and it holds nothing else.
    /// </summary>
    public async Task<Result> AnnulerImportAsync(int pointId, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Result.Failure(("", "Ce point n'existe pas."));
        }
        if (point.ImporteLe is not { } importe)
        {
            return Result.Failure(("", "Cet acte n'a pas été importé : seul un import peut être annulé."));
        }
        if (point.Version > 0)
        {
            return Result.Failure(("", "Cet acte a été modifié, signé ou transmis depuis son import : l'import ne s'annule plus. Une erreur matérielle se corrige par une rectification."));
        }
        if (time.GetUtcNow() - importe > TimeSpan.FromDays(JoursAnnulationImport))
        {
            return Result.Failure(("", $"Cet acte a été importé il y a plus de {JoursAnnulationImport} jours : il fait partie du registre. Une erreur matérielle se corrige par une rectification."));
        }
        if (await db.Set<Rectification>().AnyAsync(r => r.PointId == pointId, ct)
            || await db.Set<LienDeliberation>().AnyAsync(l => (l.Type == LiensDeliberation.RetraitActe || l.Type == LiensDeliberation.RemplacementActe) && l.Reference == pointId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct))
        {
            return Result.Failure(("", "Cet acte a été rectifié, ou un autre acte le retire ou le remplace : il reste au registre."));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seanceId = point.SeanceId;
        db.Remove(point);
        await db.SaveChangesAsync(ct);
        if (!await db.Set<PointOrdreDuJour>().AnyAsync(p => p.SeanceId == seanceId, ct) && !await db.Set<Seance>().AnyAsync(s => s.SeanceInitialeId == seanceId, ct))
        {
            db.Remove(await db.Set<Seance>().SingleAsync(s => s.Id == seanceId, ct));
            await db.SaveChangesAsync(ct);
        }
        var crees = await db.Set<Mandat>().Where(m => m.CreeParImportPointId == pointId).ToListAsync(ct);
        foreach (var mandat in crees)
        {
            if ((await DatesDesSeancesAsync(mandat.Id, ct)).Count == 0)
            {
                db.Remove(mandat);
            }
        }
        await db.SaveChangesAsync(ct);
        var elus = crees.Select(m => m.EluId).ToList();
        db.RemoveRange(await db.Set<Elu>().Where(e => elus.Contains(e.Id) && !db.Set<Mandat>().Any(m => m.EluId == e.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success(seanceId);
    }

    /// <summary>
    /// Links an act to a record of another module (the reference must exist there), or to an earlier
    /// signed act that this one withdraws or replaces.
    /// </summary>
    public async Task<Result> LierAsync(int pointId, string type, string reference, CancellationToken ct)
    {
        bool existe;
        if (type is LiensDeliberation.RetraitActe or LiensDeliberation.RemplacementActe)
        {
            var point = await db.Set<PointOrdreDuJour>().AsNoTracking().Include(p => p.Seance).SingleAsync(p => p.Id == pointId, ct);
            // Only an act of the same assembly, decided: another assembly's acts, and drafts, are not even confirmed to exist.
            var numero = reference.Trim().ToUpperInvariant();
            var cible = await db.Set<PointOrdreDuJour>().AsNoTracking().Include(p => p.Seance)
                .SingleOrDefaultAsync(p => p.NumeroActe == numero && p.Delibere && p.Seance!.AssembleeId == point.Seance!.AssembleeId, ct);
            if (cible is null || cible.Id == pointId)
            {
                return Result.Failure(("ActeVise", "Indiquez le numéro d'un acte antérieur de la même assemblée, déjà délibéré, par exemple 2019_CT2_587."));
            }
            if (!cible.EstSigne)
            {
                return Result.Failure(("ActeVise", $"L'acte {cible.NumeroActe} n'est pas signé : tant qu'il ne l'est pas, il se modifie ou se supprime directement."));
            }
            if (cible.Seance!.Date > point.Seance!.Date)
            {
                return Result.Failure(("ActeVise", $"L'acte {cible.NumeroActe} est postérieur à celui-ci : un acte ne retire ou ne remplace qu'un acte antérieur."));
            }
            if (point.EstSigne)
            {
                return Result.Failure(("ActeVise", MessageActeSigne("ce qu'il retire ou remplace ne se modifie plus")));
            }
            reference = cible.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            existe = true;
        }
        else
        {
            existe = cibles.Find(type) is { } cibleLien && await cibleLien.ExistsAsync(db, reference, ct);
        }
        if (!existe)
        {
            return Result.Failure(("Reference", "Choisissez un élément de la liste."));
        }
        if (await db.Set<LienDeliberation>().AnyAsync(l => l.PointId == pointId && l.Type == type && l.Reference == reference, ct))
        {
            return Result.Failure((type is LiensDeliberation.RetraitActe or LiensDeliberation.RemplacementActe ? "ActeVise" : "Reference", "Ce lien existe déjà."));
        }
        db.Add(new LienDeliberation { PointId = pointId, Type = type, Reference = reference });
        return await SauverAsync(pointId, ct);
    }

    [GeneratedRegex("^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$")]
    private static partial Regex NumeroActe();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();
}
