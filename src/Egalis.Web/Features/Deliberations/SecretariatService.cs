using System.Text.RegularExpressions;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The assemblies' secretariat: prepares sessions and their agenda, records attendance and votes,
/// follows transmission to the prefecture. Each change checks its rules and answers, field by
/// field, in French; nothing is written when a rule fails. Changes are audited by the data layer.
/// </summary>
public sealed partial class SecretariatService(EgalisDbContext db)
{
    public sealed record Resultat(bool Ok, IReadOnlyList<(string Champ, string Message)> Erreurs, int? Id = null)
    {
        public static Resultat Succes(int? id = null) => new(true, [], id);
        public static Resultat Refus(params (string, string)[] erreurs) => new(false, erreurs);
    }

    public sealed record NouvelleSeance(int AssembleeId, DateOnly Date, string? Lieu, DateOnly? DateConvocation, string PolitiqueCode,
        int? PresidentMandatId, int? SecretaireMandatId, int? SeanceInitialeId);

    public sealed record NouveauPoint(int SeanceId, int Rang, string? NumeroRapport, string? Theme, string Objet, int? RapporteurMandatId, string MatiereCode,
        string NatureCode, GenrePoint Genre, string? Rapport, IReadOnlyList<string> Considerants, IReadOnlyList<string> Articles, string? NumeroActe);

    public async Task<List<Mandat>> MembresEnExerciceAsync(int assembleeId, DateOnly date, CancellationToken ct) =>
        await db.Set<Mandat>().AsNoTracking().Include(m => m.Elu)
            .Where(m => m.AssembleeId == assembleeId && m.Debut <= date && (m.Fin == null || date <= m.Fin))
            .OrderBy(m => m.Elu!.Nom).ToListAsync(ct);

    public async Task<Resultat> CreerSeanceAsync(NouvelleSeance s, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        if (!await db.Set<Assemblee>().AnyAsync(a => a.Id == s.AssembleeId, ct))
        {
            erreurs.Add(("AssembleeId", "Choisissez une assemblée de la liste."));
        }
        var politique = PolitiqueQuorum.Trouver(s.PolitiqueCode);
        if (politique is null)
        {
            erreurs.Add(("PolitiqueCode", "Choisissez un régime de quorum de la liste."));
        }
        if (s.DateConvocation is { } convocation && convocation > s.Date)
        {
            erreurs.Add(("DateConvocation", "La convocation doit précéder la séance."));
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
            else if (ReglesReconvocation.Verifier(initiale.Date, s.Date, PolitiqueQuorum.Trouver(initiale.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun) is { } message)
            {
                erreurs.Add(("Date", message));
            }
        }
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs);
        }
        var seance = new Seance
        {
            AssembleeId = s.AssembleeId, Date = s.Date, Lieu = string.IsNullOrWhiteSpace(s.Lieu) ? null : s.Lieu.Trim(), DateConvocation = s.DateConvocation,
            FondementConvocation = "article L.5211-1 du Code Général des Collectivités Territoriales", PolitiqueCode = s.PolitiqueCode,
            PresidentMandatId = s.PresidentMandatId, SecretaireMandatId = s.SecretaireMandatId, SeanceInitialeId = s.SeanceInitialeId,
        };
        db.Add(seance);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(seance.Id);
    }

    public async Task<Resultat> DefinirBureauAsync(int seanceId, int? president, int? secretaire, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().SingleOrDefaultAsync(s => s.Id == seanceId, ct);
        if (seance is null)
        {
            return Resultat.Refus(("", "Cette séance n'existe pas."));
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
            return new Resultat(false, erreurs);
        }
        (seance.PresidentMandatId, seance.SecretaireMandatId) = (president, secretaire);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(seanceId);
    }

    public async Task<Resultat> AjouterPointAsync(NouveauPoint p, MatieresActes matieres, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        var seance = await db.Set<Seance>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == p.SeanceId, ct);
        if (seance is null)
        {
            return Resultat.Refus(("SeanceId", "Cette séance n'existe pas."));
        }
        if (p.Rang < 1)
        {
            erreurs.Add(("Rang", "Le rang est un nombre à partir de 1."));
        }
        else if (await db.Set<PointOrdreDuJour>().AnyAsync(x => x.SeanceId == p.SeanceId && x.Rang == p.Rang, ct))
        {
            erreurs.Add(("Rang", $"Le rang {p.Rang} est déjà pris dans cette séance."));
        }
        if (string.IsNullOrWhiteSpace(p.Objet) || p.Objet.Trim().Length > 499)
        {
            erreurs.Add(("Objet", "L'objet est obligatoire et fait au plus 499 caractères (règle ACTES)."));
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
            if (!NumeroActe().IsMatch(numero))
            {
                erreurs.Add(("NumeroActe", "Le numéro d'acte fait au plus 15 caractères : majuscules, chiffres et « _ », sans « _ » au début ni à la fin."));
            }
            else if (await db.Set<PointOrdreDuJour>().AnyAsync(x => x.NumeroActe == numero, ct))
            {
                erreurs.Add(("NumeroActe", $"Le numéro d'acte {numero} est déjà attribué : il est unique pour la Métropole."));
            }
        }
        if (p.RapporteurMandatId is { } rapporteur && (await MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct)).All(m => m.Id != rapporteur))
        {
            erreurs.Add(("RapporteurMandatId", "Le rapporteur doit être membre de l'assemblée à la date de la séance."));
        }
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs);
        }
        var point = new PointOrdreDuJour
        {
            SeanceId = p.SeanceId, Rang = p.Rang, NumeroRapport = Nettoyer(p.NumeroRapport), Theme = Nettoyer(p.Theme), Objet = p.Objet.Trim(),
            RapporteurMandatId = p.RapporteurMandatId, MatiereCode = p.MatiereCode, NatureCode = p.NatureCode, Genre = p.Genre, Rapport = Nettoyer(p.Rapport),
            Considerants = [.. p.Considerants], Articles = [.. p.Articles], NumeroActe = p.NumeroActe, Transmission = StatutTransmission.ATransmettre,
            TextePriseActe = p.Genre == GenrePoint.PriseActe ? "Après avoir pris connaissance du rapport, l'assemblée en prend acte." : null,
        };
        db.Add(point);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(point.Id);
    }

    /// <summary>Replaces an item's attendance after checking every rule of the session's policy.</summary>
    public async Task<Resultat> EnregistrerPresencesAsync(int pointId, IReadOnlyList<LignePresence> lignes, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(p => p.Seance).SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Resultat.Refus(("", "Ce point n'existe pas."));
        }
        var seance = point.Seance!;
        var membres = await MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct);
        // Only members in office, each once: an id in a form is never trusted.
        if (lignes.Select(l => l.MandatId).Distinct().Count() != lignes.Count || lignes.Any(l => membres.All(m => m.Id != l.MandatId)))
        {
            return Resultat.Refus(("", "La liste des présences ne correspond pas aux membres en exercice : rechargez la page."));
        }
        var politique = PolitiqueQuorum.Trouver(seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        var deja = await SeancesCouvertesAsync(seance, lignes, ct);
        var erreurs = ReglesPresence.Verifier(lignes, politique, deja);
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs.Select(e => ($"presence-{e.MandatId}", e.Message)).ToList());
        }
        db.RemoveRange(await db.Set<Presence>().Where(p => p.PointId == pointId).ToListAsync(ct));
        db.AddRange(lignes.Select(l => new Presence { PointId = pointId, MandatId = l.MandatId, Statut = l.Statut, MandataireMandatId = l.Statut == StatutPresence.Represente ? l.MandataireId : null }));
        point.Version++;
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(pointId);
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

    /// <summary>Records the vote (or the taking note) once attendance is recorded and quorum is established.</summary>
    public async Task<Resultat> EnregistrerVoteAsync(int pointId, Scrutin? scrutin, Registre registre, CancellationToken ct)
    {
        var acte = (await registre.ListeAsync(pointId: pointId, ct: ct)).SingleOrDefault();
        if (acte is null)
        {
            return Resultat.Refus(("", "Ce point n'existe pas."));
        }
        if (acte.Presents is null)
        {
            return Resultat.Refus(("", "Enregistrez d'abord les présences pour ce point."));
        }
        if (acte.QuorumAtteint != true)
        {
            var politique = PolitiqueQuorum.Trouver(acte.Seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
            return Resultat.Refus(("", politique.Evaluer(acte.MembresEnExercice ?? 0, acte.Presents.Value, acte.Representes ?? 0).Explication(politique, acte.MembresEnExercice ?? 0)));
        }
        var point = await db.Set<PointOrdreDuJour>().SingleAsync(p => p.Id == pointId, ct);
        if (point.Genre == GenrePoint.PriseActe)
        {
            point.Version++;
            await db.SaveChangesAsync(ct);
            return Resultat.Succes(pointId);
        }
        if (scrutin is null)
        {
            return Resultat.Refus(("Pour", "Indiquez les décomptes du vote."));
        }
        var erreurs = scrutin.Verifier(acte.Presents.Value + (acte.Representes ?? 0));
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs.Select(e => ("Pour", e)).ToList());
        }
        (point.Pour, point.Contre, point.Abstention, point.NePrendPasPart, point.ScrutinSecret, point.VoixPresidentPour) =
            (scrutin.Pour, scrutin.Contre, scrutin.Abstention, scrutin.NePrendPasPart, scrutin.Secret, scrutin.Pour == scrutin.Contre ? scrutin.VoixDuPresidentPour : null);
        point.Version++;
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(pointId);
    }

    /// <summary>
    /// Transmission to the prefecture: à transmettre → transmis → acquitté, or refusé (then transmitted
    /// again). The act must be signed and numbered first; dates follow each other.
    /// </summary>
    public async Task<Resultat> ChangerTransmissionAsync(int pointId, StatutTransmission nouveau, DateOnly? date, string? motif, CancellationToken ct)
    {
        var point = await db.Set<PointOrdreDuJour>().Include(p => p.Seance).SingleOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            return Resultat.Refus(("", "Ce point n'existe pas."));
        }
        var permis = (point.Transmission, nouveau) switch
        {
            (StatutTransmission.ATransmettre, StatutTransmission.Transmis) => true,
            (StatutTransmission.Refuse, StatutTransmission.Transmis) => true,
            (StatutTransmission.Transmis, StatutTransmission.Acquitte) => true,
            (StatutTransmission.Transmis, StatutTransmission.Refuse) => true,
            _ => false,
        };
        if (!permis)
        {
            return Resultat.Refus(("Statut", $"Un acte « {Libelles.Transmission(point.Transmission)} » ne peut pas passer à « {Libelles.Transmission(nouveau)} »."));
        }
        if (date is null)
        {
            return Resultat.Refus(("Date", "Indiquez la date."));
        }
        switch (nouveau)
        {
            case StatutTransmission.Transmis:
                if (point.NumeroActe is null)
                    return Resultat.Refus(("Statut", "Attribuez un numéro d'acte avant de transmettre."));
                if (date < point.Seance!.Date)
                    return Resultat.Refus(("Date", "La transmission ne peut pas précéder la séance."));
                point.DateSignature ??= date;
                point.DateTransmission = date;
                point.MotifRefus = null;
                break;
            case StatutTransmission.Acquitte:
                if (date < point.DateTransmission)
                    return Resultat.Refus(("Date", $"L'accusé de réception ne peut pas précéder la transmission du {point.DateTransmission:dd/MM/yyyy}."));
                point.DateAccuse = date;
                break;
            case StatutTransmission.Refuse:
                if (string.IsNullOrWhiteSpace(motif))
                    return Resultat.Refus(("Motif", "Indiquez le motif du refus."));
                point.MotifRefus = motif.Trim();
                break;
        }
        point.Transmission = nouveau;
        point.Version++;
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(pointId);
    }

    public async Task<Resultat> CreerCommissionAsync(string code, string nom, CancellationToken ct)
    {
        var propre = code.Trim().ToUpperInvariant();
        if (!Regex.IsMatch(propre, "^[A-Z0-9][A-Z0-9-]{1,29}$"))
        {
            return Resultat.Refus(("Code", "Le code fait de 2 à 30 majuscules, chiffres ou tirets, par exemple COM-COHESION."));
        }
        if (string.IsNullOrWhiteSpace(nom) || nom.Trim().Length > 200)
        {
            return Resultat.Refus(("Nom", "Indiquez le nom de la commission (200 caractères au plus)."));
        }
        if (await db.Set<Assemblee>().AnyAsync(a => a.Code == propre, ct))
        {
            return Resultat.Refus(("Code", $"Le code {propre} est déjà pris."));
        }
        var assemblee = new Assemblee { Code = propre, Nom = nom.Trim(), Type = TypeAssemblee.Commission };
        db.Add(assemblee);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(assemblee.Id);
    }

    /// <summary>Ends a term (a member leaves); attendance already recorded after that date must be corrected first.</summary>
    public async Task<Resultat> TerminerMandatAsync(int assembleeId, int mandatId, DateOnly fin, CancellationToken ct)
    {
        var mandat = await db.Set<Mandat>().SingleOrDefaultAsync(m => m.Id == mandatId && m.AssembleeId == assembleeId, ct);
        if (mandat is null)
        {
            return Resultat.Refus(("Fin", "Ce mandat n'existe pas dans cette assemblée."));
        }
        if (fin < mandat.Debut)
        {
            return Resultat.Refus(("Fin", $"La fin du mandat ne peut pas précéder son début ({mandat.Debut:dd/MM/yyyy})."));
        }
        var apres = await db.Set<Presence>().Where(p => p.MandatId == mandatId || p.MandataireMandatId == mandatId)
            .Join(db.Set<PointOrdreDuJour>(), p => p.PointId, o => o.Id, (p, o) => o.SeanceId)
            .Join(db.Set<Seance>(), id => id, s => s.Id, (id, s) => s.Date)
            .Where(d => d > fin).OrderBy(d => d).FirstOrDefaultAsync(ct);
        if (apres != default)
        {
            return Resultat.Refus(("Fin", $"Ce membre figure dans les présences de la séance du {apres:dd/MM/yyyy} : la fin du mandat ne peut pas la précéder."));
        }
        mandat.Fin = fin;
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(mandatId);
    }

    public async Task<Resultat> AjouterMembreAsync(int assembleeId, string nom, DateOnly debut, DateOnly? fin, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(nom) || nom.Trim().Length > 200)
        {
            erreurs.Add(("Nom", "Indiquez le nom, sous la forme « NOM Prénom » (200 caractères au plus)."));
        }
        if (fin is not null && fin < debut)
        {
            erreurs.Add(("Fin", "La fin du mandat doit suivre son début."));
        }
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs);
        }
        var propre = Regex.Replace(nom.Trim(), @"\s+", " ");
        var elu = await db.Set<Elu>().FirstOrDefaultAsync(e => e.Nom == propre, ct) ?? new Elu { Nom = propre };
        if (elu.Id != 0 && await db.Set<Mandat>().AnyAsync(m => m.EluId == elu.Id && m.AssembleeId == assembleeId && (m.Fin == null || m.Fin >= debut) && (fin == null || m.Debut <= fin), ct))
        {
            return Resultat.Refus(("Nom", $"{propre} a déjà un mandat dans cette assemblée sur cette période."));
        }
        var mandat = new Mandat { AssembleeId = assembleeId, Elu = elu, Debut = debut, Fin = fin };
        db.Add(mandat);
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(mandat.Id);
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
        if (l.NumeroActe is not null && await db.Set<PointOrdreDuJour>().AnyAsync(p => p.NumeroActe == l.NumeroActe, ct))
        {
            erreurs.Add($"L'acte {l.NumeroActe} est déjà au registre.");
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
    public async Task<Resultat> ImporterAsync(LecteurDeliberation.Lecture l, Assemblee assemblee, string matiereCode, MatieresActes matieres, CancellationToken ct)
    {
        var erreurs = await VerifierImportAsync(l, assemblee, matiereCode, matieres, ct);
        if (erreurs.Count > 0)
        {
            return new Resultat(false, erreurs.Select(e => ("", e)).ToList());
        }
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
        Mandat Mandat(string nom)
        {
            var cle = LecteurDeliberation.Cle(nom);
            if (!parCle.TryGetValue(cle, out var mandat))
            {
                // Unknown that day: a term recorded for the session's date, to be completed on the assembly's page.
                var elu = elus.FirstOrDefault(e => LecteurDeliberation.Cle(e.Nom) == cle) ?? new Elu { Nom = nom };
                mandat = new Mandat { AssembleeId = assemblee.Id, Elu = elu, Debut = date, Fin = date };
                db.Add(mandat);
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
        };
        db.Add(point);
        await db.SaveChangesAsync(ct);
        db.AddRange(presents.Select(m => new Presence { PointId = point.Id, MandatId = m.Id, Statut = StatutPresence.Present }));
        db.AddRange(representes.Select(r => new Presence { PointId = point.Id, MandatId = r.Mandant.Id, Statut = StatutPresence.Represente, MandataireMandatId = r.Mandataire.Id }));
        db.AddRange(excuses.Select(m => new Presence { PointId = point.Id, MandatId = m.Id, Statut = StatutPresence.Excuse }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Resultat.Succes(point.Id);
    }

    /// <summary>Links an act to a record of another module; the reference must exist there.</summary>
    public async Task<Resultat> LierAsync(int pointId, string type, string reference, CancellationToken ct)
    {
        var existe = type switch
        {
            LiensDeliberation.ActionPlan => await db.Set<Plan.ElementPlan>().AnyAsync(e => e.PlanCode == Plan.PlanService.PlanPrincipal && e.Code == reference, ct),
            LiensDeliberation.CreditBudgetaire => int.TryParse(reference, out var annee) && await db.Set<Budget.Exercice>().AnyAsync(e => e.Annee == annee, ct),
            LiensDeliberation.Plan => reference == Plan.PlanService.PlanPrincipal,
            _ => false,
        };
        if (!existe)
        {
            return Resultat.Refus(("Reference", "Choisissez un élément de la liste."));
        }
        if (await db.Set<LienDeliberation>().AnyAsync(l => l.PointId == pointId && l.Type == type && l.Reference == reference, ct))
        {
            return Resultat.Refus(("Reference", "Ce lien existe déjà."));
        }
        db.Add(new LienDeliberation { PointId = pointId, Type = type, Reference = reference });
        await db.SaveChangesAsync(ct);
        return Resultat.Succes(pointId);
    }

    private static string? Nettoyer(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    [GeneratedRegex("^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$")]
    private static partial Regex NumeroActe();
}
