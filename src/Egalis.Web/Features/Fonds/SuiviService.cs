using System.Globalization;
using System.Security.Claims;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Files;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// What follows a grant: its terms (payment schedule, convention when there is one), the convention sent, signed and
/// kept, the payments made as Budget payments on the grant's commitment, and the CERFA 15059 financial report.
/// </summary>
public sealed class SuiviService(EgalisDbContext db, BudgetService budget, FileStore fichiers, Workflows workflows, TimeProvider time,
    Platform.Collectivite.ProfilCollectivite profil, IConfiguration configuration, CapabilityCatalog capacites)
{
    public const string TypeFichiers = "fonds-convention";
    public const long TailleCopieMax = 10 * 1024 * 1024;

    /// <summary>The convention or notification as a PDF: the document sent when it was sent, otherwise the draft rendered now (marked « projet »).</summary>
    public async Task<byte[]> DocumentAsync(Etat etat, CancellationToken ct)
    {
        if (etat.Convention?.DocumentEnvoyeId is { } envoye)
        {
            return await db.Set<FileContent>().AsNoTracking().Where(c => c.FichierId == envoye).Select(c => c.Octets).SingleAsync(ct);
        }
        return ConventionPdf.Rendre(etat, await OrganisationsService.RepresentantAsync(db, etat.Dossier.OrganisationId, ct), profil);
    }

    /// <summary>Everything about a grant the pages show.</summary>
    public sealed record Etat(
        Dossier Dossier, DecisionComite Decision, DateOnly DateDecision, Organisation Organisation, ConventionSubvention? Convention,
        IReadOnlyList<VersementSubvention> Versements, CompteRenduFinancier? CompteRendu, decimal TotalAnnee, bool ConventionRequise, StoredFile? CopieSignee)
    {
        public bool ConditionsArretees => Convention?.Statut is StatutConvention.Signee or StatutConvention.Notifiee;
        public bool Verifiee => Convention?.VerifieeLe is not null;
        public bool CompteRenduDepose => CompteRendu?.DeposeLe is not null;
        public decimal Verse => Versements.Where(v => v.VerseLe is not null).Sum(v => v.Montant);
        /// <summary>The amount granted: the decision's.</summary>
        public decimal Montant => Decision.Montant ?? 0;
        /// <summary>Six months after the project's end (the dossier no longer changes once granted).</summary>
        public DateOnly? EcheanceCompteRendu => Dossier.DateFin is { } fin ? Suivi.EcheanceCompteRendu(fin) : null;
    }

    /// <summary>The grant of an accepted dossier (its latest decision), or null when the dossier is not granted.</summary>
    public async Task<Etat?> EtatAsync(int dossierId, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Budget).SingleOrDefaultAsync(d => d.Id == dossierId, ct);
        if (dossier is not { Etat: EtatDossier.Accepte })
        {
            return null;
        }
        var decision = await (from d in db.Set<DecisionComite>().AsNoTracking()
                              join c in db.Set<Comite>() on d.ComiteId equals c.Id
                              where d.DossierId == dossierId && d.Accorde
                              orderby d.Id descending
                              select new { d, c.Date }).FirstOrDefaultAsync(ct);
        if (decision is null)
        {
            return null;
        }
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == dossier.OrganisationId, ct);
        var convention = await db.Set<ConventionSubvention>().AsNoTracking().SingleOrDefaultAsync(c => c.DecisionId == decision.d.Id, ct);
        var versements = convention is null ? [] : await db.Set<VersementSubvention>().AsNoTracking().Where(v => v.ConventionId == convention.Id).OrderBy(v => v.Rang).ToListAsync(ct);
        var compteRendu = await db.Set<CompteRenduFinancier>().AsNoTracking().Include(c => c.Lignes).SingleOrDefaultAsync(c => c.DossierId == dossierId, ct);
        var total = await TotalAnneeAsync(dossier.OrganisationId, decision.Date.Year, ct);
        var copie = convention?.CopieSigneeId is { } copieId ? await db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == copieId, ct) : null;
        return new Etat(dossier, decision.d, decision.Date, organisation, convention, versements, compteRendu, total,
            Conventions.Requise(total, Conventions.Seuil(configuration)), copie);
    }

    /// <summary>What the Métropole granted the organisation through the fund in a year, every dossier and call counted.</summary>
    private async Task<decimal> TotalAnneeAsync(int organisationId, int annee, CancellationToken ct) =>
        await (from d in db.Set<DecisionComite>()
               join c in db.Set<Comite>() on d.ComiteId equals c.Id
               join x in db.Set<Dossier>() on d.DossierId equals x.Id
               where d.Accorde && x.Etat == EtatDossier.Accepte && x.OrganisationId == organisationId && c.Date.Year == annee
                     && !db.Set<DecisionComite>().Any(autre => autre.DossierId == d.DossierId && autre.Id > d.Id)
               select d.Montant ?? 0).SumAsync(ct);

    /// <summary>
    /// The team sets the terms of a grant: with or without a convention (required above the yearly threshold), and the
    /// schedule. They can be changed until they are sent.
    /// </summary>
    public async Task<Result> PreparerAsync(int dossierId, int version, bool avecConvention, int? premierePart, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { } etat)
        {
            return Result.Failure("", "Ce dossier n'a pas de subvention accordée.");
        }
        if (etat.Convention is { } existante && (existante.Statut != StatutConvention.Projet || existante.Version != version))
        {
            return Result.Failure("", existante.Statut == StatutConvention.Projet ? $"{Concurrency.Message} Rechargez la page."
                : "Les conditions de cette subvention sont arrêtées : elles ne se modifient plus.");
        }
        if (etat.Convention is null && version != 0)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        var erreurs = new List<(string, string)>();
        if (Suivi.VerifierPart(premierePart) is { } part)
        {
            erreurs.Add(("PremierePart", part));
        }
        if (etat.ConventionRequise && !avecConvention)
        {
            erreurs.Add(("AvecConvention", $"Une convention est requise : l'organisation a reçu {Euros.Format(etat.TotalAnnee)} du fonds en {etat.DateDecision.Year}, au-delà de {Euros.Format(Conventions.Seuil(configuration))}."));
        }
        if (etat.Dossier.DateFin is null)
        {
            erreurs.Add(("", "Le dossier n'a pas de date de fin : l'échéance du compte rendu ne peut pas être fixée."));
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ConventionSubvention? convention = null;
        if (etat.Convention is not null)
        {
            // What the form was read from must still be there: sent in between, or reopened, it is refused.
            convention = await db.Set<ConventionSubvention>().SingleOrDefaultAsync(c => c.Id == etat.Convention.Id, ct);
            if (convention is null || convention.Statut != StatutConvention.Projet || convention.Version != version)
            {
                db.ChangeTracker.Clear();
                return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
            }
            db.RemoveRange(await db.Set<VersementSubvention>().Where(v => v.ConventionId == convention.Id).ToListAsync(ct));
            convention.Version++;
        }
        else
        {
            convention = new ConventionSubvention { DossierId = dossierId, DecisionId = etat.Decision.Id, Statut = StatutConvention.Projet };
            db.Add(convention);
        }
        convention.AvecConvention = avecConvention;
        convention.PremierePart = premierePart;
        try
        {
            await db.SaveChangesAsync(ct);
            foreach (var t in Suivi.Echeancier(etat.Montant, premierePart))
            {
                db.Add(new VersementSubvention { ConventionId = convention.Id, Rang = t.Rang, Montant = t.Montant, ApresCompteRendu = t.ApresCompteRendu });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e) || DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        return Result.Success(convention.Id);
    }

    /// <summary>
    /// Sends the terms: the convention to sign (its PDF is then in the organisation's space) or, without one, the
    /// notification of the terms. From then on they are fixed. Terms notified without a convention can still be
    /// followed by one (when a later grant makes it required).
    /// </summary>
    public async Task<Result> EnvoyerAsync(int dossierId, int version, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { Convention: not null } etat)
        {
            return Result.Failure("", "Préparez d'abord les conditions de la subvention.");
        }
        var convention = await db.Set<ConventionSubvention>().SingleOrDefaultAsync(c => c.Id == etat.Convention.Id, ct);
        if (convention is null || convention.Version != version)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        // Terms notified without a convention are followed by one when a later grant makes it required.
        var apresNotification = convention.Statut == StatutConvention.Notifiee;
        if (convention.Statut != StatutConvention.Projet && !(apresNotification && etat.ConventionRequise))
        {
            return Result.Failure("", "Les conditions de cette subvention sont déjà envoyées.");
        }
        convention.AvecConvention |= apresNotification;
        if (!convention.AvecConvention && etat.ConventionRequise)
        {
            return Result.Failure("AvecConvention", "Une convention est requise pour cette subvention : choisissez « avec une convention » et enregistrez les conditions avant d'envoyer.");
        }
        convention.Statut = convention.AvecConvention ? StatutConvention.Envoyee : StatutConvention.Notifiee;
        convention.EnvoyeeLe = time.GetUtcNow();
        convention.EnvoyeePar = PorteeUtilisateur.NomDe(qui);
        convention.Version++;
        // The document sent is kept as it was: what the organisation signs never changes with later edits.
        var envoye = ConventionPdf.Rendre(etat with { Convention = convention }, await OrganisationsService.RepresentantAsync(db, etat.Dossier.OrganisationId, ct), profil);
        var document = new StoredFile
        {
            Id = Guid.NewGuid(), ProprietaireType = TypeFichiers, ProprietaireId = convention.Id.ToString(CultureInfo.InvariantCulture),
            Nom = $"{(convention.AvecConvention ? "convention" : "notification")}-dossier-{dossierId}.pdf", TypeMime = "application/pdf", Taille = envoye.LongLength,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(envoye)), DeposePar = convention.EnvoyeePar, DeposeLe = convention.EnvoyeeLe.Value,
        };
        db.Add(document);
        db.Add(new FileContent { FichierId = document.Id, Octets = envoye });
        convention.DocumentEnvoyeId = document.Id;
        if (await db.SaveAsync(() => Task.FromResult("un autre envoi"), ct) is not null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        var tranches = Suivi.Echeancier(etat.Montant, convention.PremierePart);
        var texte = convention.AvecConvention
            ? $"La convention de la subvention de {Euros.Format(etat.Montant)} est prête. Téléchargez-la depuis le dossier, faites-la signer par le représentant légal et renvoyez-la signée à l'équipe du plan.\n\nVersement : {Suivi.Decrire(tranches, true)}.\nCompte rendu financier à déposer au plus tard le {etat.EcheanceCompteRendu:dd/MM/yyyy}."
            : $"La subvention de {Euros.Format(etat.Montant)} vous est notifiée ; aucune convention n'est nécessaire.\n\nVersement : {Suivi.Decrire(tranches, false)}.\nCompte rendu financier à déposer au plus tard le {etat.EcheanceCompteRendu:dd/MM/yyyy}.";
        await DossiersService.NotifierMembresAsync(db, workflows, profil, etat.Dossier,
            (convention.AvecConvention ? "Convention de subvention à signer" : "Notification de subvention", $"Dossier « {etat.Dossier.Intitule} ».\n{texte}"), lienBase, ct);
        return Result.Success(convention.Id);
    }

    /// <summary>Records the signed convention: the date of signature and the signed copy (PDF). Final from then on.</summary>
    public async Task<Result> SignerAsync(int dossierId, int version, DateOnly? signeeLe, Microsoft.AspNetCore.Http.IFormFile? copie, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { Convention: not null } etat)
        {
            return Result.Failure("", "Cette subvention n'a pas de convention.");
        }
        var convention = await db.Set<ConventionSubvention>().SingleOrDefaultAsync(c => c.Id == etat.Convention.Id, ct);
        if (convention is null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        if (convention.Statut != StatutConvention.Envoyee)
        {
            return Result.Failure("", convention.Statut == StatutConvention.Signee ? "La convention est déjà signée : sa signature ne se modifie plus."
                : "La convention doit d'abord être envoyée à l'organisation.");
        }
        if (convention.Version != version)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        var aujourdhui = Platform.Web.Paris.Today(time);
        var envoi = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(convention.EnvoyeeLe!.Value, Platform.Web.Paris.Fuseau).DateTime);
        var erreurs = new List<(string, string)>();
        if (signeeLe is null)
        {
            erreurs.Add(("SigneeLe", "Indiquez la date de signature de la convention."));
        }
        else if (signeeLe > aujourdhui)
        {
            erreurs.Add(("SigneeLe", "La date de signature ne peut pas être dans le futur."));
        }
        else if (signeeLe < envoi)
        {
            erreurs.Add(("SigneeLe", $"La convention a été envoyée le {envoi:dd/MM/yyyy} : elle est signée ce jour-là ou après."));
        }
        var (stocke, depot) = await fichiers.AddAsync(copie, "Copie", TypeFichiers, convention.Id.ToString(CultureInfo.InvariantCulture), [FileFormat.Pdf], qui, TailleCopieMax, ct);
        if (!depot.Ok)
        {
            erreurs.AddRange(depot.Errors);
        }
        if (erreurs.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result.Failure([.. erreurs]);
        }
        convention.Statut = StatutConvention.Signee;
        convention.SigneeLe = signeeLe;
        convention.CopieSigneeId = stocke!.Id;
        convention.SignatureEnregistreePar = PorteeUtilisateur.NomDe(qui);
        convention.Version++;
        if (await db.SaveAsync(() => Task.FromResult("une autre signature"), ct) is not null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        return Result.Success(convention.Id);
    }

    /// <summary>
    /// The team records that it checked the organisation (SIRET, legal representative) and that the bank details copied
    /// at submission are in its name: required before the first payment, recorded once.
    /// </summary>
    public async Task<Result> VerifierAsync(int dossierId, bool confirme, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { Convention: not null } etat)
        {
            return Result.Failure("", "Préparez d'abord les conditions de la subvention.");
        }
        if (etat.Verifiee)
        {
            return Result.Failure("", "L'organisation est déjà vérifiée pour cette subvention.");
        }
        if (!confirme)
        {
            return Result.Failure("Verification", "Cochez la case pour confirmer la vérification : le SIRET, le représentant légal et le RIB au nom de l'organisation.");
        }
        var convention = await db.Set<ConventionSubvention>().SingleOrDefaultAsync(c => c.Id == etat.Convention.Id && c.VerifieeLe == null, ct);
        if (convention is null)
        {
            return Result.Failure("", "L'organisation vient d'être vérifiée pour cette subvention.");
        }
        convention.VerifieeLe = time.GetUtcNow();
        convention.VerifieePar = PorteeUtilisateur.NomDe(qui);
        convention.Version++;
        // Two confirmations at the same moment: the version keeps the first one.
        if (await db.SaveAsync(() => Task.FromResult("une vérification"), ct) is not null)
        {
            return Result.Failure("", "L'organisation vient d'être vérifiée, ou les conditions modifiées, par quelqu'un d'autre : rechargez la page.");
        }
        return Result.Success(convention.Id);
    }

    /// <summary>
    /// Pays an instalment: a Budget payment on the grant's commitment, in the same transaction as the instalment's
    /// record; refused before its condition (signature, report), twice, or beyond what is committed.
    /// </summary>
    public async Task<Result> VerserAsync(int dossierId, int versementId, DateOnly? date, string? reference, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { Convention: not null } etat || etat.Versements.All(v => v.Id != versementId))
        {
            return Result.Failure("", "Ce versement n'existe pas.");
        }
        var prevu = etat.Versements.Single(v => v.Id == versementId);
        if (prevu.VerseLe is not null)
        {
            return Result.Failure("", $"Ce versement est déjà fait (le {prevu.VerseLe:dd/MM/yyyy}).");
        }
        if (Suivi.PeutVerser(new Suivi.Tranche(prevu.Rang, prevu.Montant, prevu.ApresCompteRendu), etat.ConditionsArretees, etat.CompteRenduDepose, etat.Verifiee) is { } attente)
        {
            return Result.Failure("", attente);
        }
        if (date is null)
        {
            return Result.Failure($"Date[{versementId}]", "Indiquez la date du mandatement.");
        }
        if (Years.CheckDate(date, "La date du mandatement") is { } horsBornes)
        {
            return Result.Failure($"Date[{versementId}]", horsBornes);
        }
        if (date > Platform.Web.Paris.Today(time))
        {
            return Result.Failure($"Date[{versementId}]", "La date du mandatement ne peut pas être dans le futur.");
        }
        // Not before it became payable: the signature (or the notification without a convention), and for the balance the report.
        static DateOnly Jour(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Platform.Web.Paris.Fuseau).DateTime);
        var (exigible, raison) = prevu.ApresCompteRendu && etat.CompteRendu?.DeposeLe is { } depot ? (Jour(depot), "dépôt du compte rendu financier")
            : etat.Convention.SigneeLe is { } signee ? (signee, "signature de la convention")
            : (Jour(etat.Convention.EnvoyeeLe!.Value), "notification");
        if (date < exigible)
        {
            return Result.Failure($"Date[{versementId}]", $"Le versement est dû depuis le {exigible:dd/MM/yyyy} ({raison}) : le mandatement ne peut pas le précéder.");
        }
        reference = Texts.Clean(reference);
        if (reference?.Length > 100)
        {
            return Result.Failure($"Reference[{versementId}]", "La référence du mandat fait 100 caractères au plus.");
        }
        if (etat.Decision.EngagementId is not { } engagement)
        {
            return Result.Failure("", "Cette subvention n'a pas d'engagement au budget : elle ne peut pas être versée.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var versement = await db.Set<VersementSubvention>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == versementId, ct);
        if (versement is null || versement.MandatementId is not null)
        {
            return Result.Failure("", versement is null ? $"{Concurrency.Message} Rechargez la page." : $"Ce versement est déjà fait (le {versement.VerseLe:dd/MM/yyyy}).");
        }
        // Joins this transaction: the Budget payment and the instalment's record are saved together, or neither is.
        var mandat = await budget.MandaterAsync(engagement, versement.Montant, date.Value, reference ?? $"Fonds d'initiative – dossier n° {dossierId}", ct);
        if (!mandat.Ok)
        {
            db.ChangeTracker.Clear();
            return Result.Failure(mandat.Errors.Select(e => (e.Champ == "Date" ? $"Date[{versementId}]" : "", e.Message)).ToArray());
        }
        var nom = PorteeUtilisateur.NomDe(qui);
        try
        {
            // Only an instalment still unpaid is marked: a second payment at the same moment finds none and rolls back.
            var marques = await db.Set<VersementSubvention>().Where(v => v.Id == versementId && v.MandatementId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.MandatementId, mandat.Id).SetProperty(v => v.VerseLe, date).SetProperty(v => v.Reference, reference).SetProperty(v => v.VersePar, nom), ct);
            if (marques != 1)
            {
                db.ChangeTracker.Clear();
                return Result.Failure("", "Ce versement vient d'être enregistré par quelqu'un d'autre au même moment : rechargez la page.");
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e) || DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("", "Ce versement vient d'être enregistré par quelqu'un d'autre au même moment : rechargez la page.");
        }
        await DossiersService.NotifierMembresAsync(db, workflows, profil, etat.Dossier,
            ("Versement de la subvention", $"Dossier « {etat.Dossier.Intitule} ».\nLa Métropole a mandaté {Euros.Format(versement.Montant)} le {date:dd/MM/yyyy} sur le compte {(etat.Dossier.Iban is { } iban ? Identifiants.Masquer(iban) : "indiqué au dépôt")}. Le virement arrive en général sous quelques jours."), lienBase, ct);
        return Result.Success(versement.Id);
    }

    public sealed record SaisieCompteRendu(
        string? Realisation, int? PersonnesTouchees, string? ResultatsEvaluation, string? ExplicationEcarts, string? Observations,
        decimal? SubventionRealisee, IReadOnlyDictionary<string, decimal?> Realise);

    /// <summary>The report's lines: every CERFA line of the dossier's budget, and those the report adds.</summary>
    public static IReadOnlyList<(ReglesDossier.Poste Poste, decimal Prevu)> Postes(Dossier dossier, CompteRenduFinancier? compteRendu) =>
        ReglesDossier.Charges.Concat(ReglesDossier.Produits)
            .Where(p => dossier.Budget.Any(b => b.Code == p.Code) || compteRendu?.Lignes.Any(l => l.Code == p.Code) == true)
            .Select(p => (p, dossier.Budget.SingleOrDefault(b => b.Code == p.Code)?.Montant ?? 0m)).ToList();

    /// <summary>A member saves the report as a draft; once submitted it no longer changes.</summary>
    public async Task<Result> EnregistrerCompteRenduAsync(int dossierId, int version, SaisieCompteRendu s, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { } etat)
        {
            return Result.Failure("", "Ce dossier n'a pas de subvention accordée : il n'a pas de compte rendu.");
        }
        var erreurs = new List<(string, string)>();
        void Longueur(string? texte, int max, string champ, string quoi)
        {
            if (Texts.TropLong(texte, max, quoi) is { } message)
            {
                erreurs.Add((champ, message));
            }
        }
        Longueur(s.Realisation, ReglesDossier.TexteLong, nameof(s.Realisation), "Le bilan des actions");
        Longueur(s.ResultatsEvaluation, ReglesDossier.TexteMoyen, nameof(s.ResultatsEvaluation), "Le résultat de l'évaluation");
        Longueur(s.ExplicationEcarts, ReglesDossier.TexteMoyen, nameof(s.ExplicationEcarts), "L'explication des écarts");
        Longueur(s.Observations, ReglesDossier.TexteMoyen, nameof(s.Observations), "Les observations");
        if (s.PersonnesTouchees is < 0 or > 10_000_000)
        {
            erreurs.Add((nameof(s.PersonnesTouchees), "Indiquez un nombre de personnes entre 0 et 10 000 000."));
        }
        if (s.SubventionRealisee is { } subvention && Euros.Verifier(subvention, zeroAccepte: true) is { } invalide)
        {
            erreurs.Add((nameof(s.SubventionRealisee), invalide));
        }
        foreach (var (code, montant) in s.Realise)
        {
            if (!ReglesDossier.EstPoste(code))
            {
                erreurs.Add(("Realise", "Une ligne du tableau n'existe pas dans le compte rendu : rechargez la page."));
            }
            else if (montant is { } m && Euros.Verifier(m, zeroAccepte: true) is { } refus)
            {
                erreurs.Add(($"Realise[{code}]", refus));
            }
        }
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        var compteRendu = await db.Set<CompteRenduFinancier>().Include(c => c.Lignes).SingleOrDefaultAsync(c => c.DossierId == dossierId, ct);
        if (compteRendu is null)
        {
            if (version != 0)
            {
                return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
            }
            compteRendu = new CompteRenduFinancier { DossierId = dossierId };
            db.Add(compteRendu);
        }
        else if (compteRendu.DeposeLe is not null)
        {
            return Result.Failure("", $"Le compte rendu a été déposé le {Platform.Web.Paris.Display(compteRendu.DeposeLe.Value)} : il ne se modifie plus.");
        }
        else if (compteRendu.Version != version)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        compteRendu.Realisation = Texts.Clean(s.Realisation);
        compteRendu.PersonnesTouchees = s.PersonnesTouchees;
        compteRendu.ResultatsEvaluation = Texts.Clean(s.ResultatsEvaluation);
        compteRendu.ExplicationEcarts = Texts.Clean(s.ExplicationEcarts);
        compteRendu.Observations = Texts.Clean(s.Observations);
        compteRendu.SubventionRealisee = s.SubventionRealisee;
        foreach (var (code, montant) in s.Realise)
        {
            var ligne = compteRendu.Lignes.SingleOrDefault(l => l.Code == code);
            if (montant is null)
            {
                if (ligne is not null)
                {
                    compteRendu.Lignes.Remove(ligne);
                }
            }
            else if (ligne is null)
            {
                compteRendu.Lignes.Add(new LigneCompteRendu { Code = code, Realise = montant.Value });
            }
            else
            {
                ligne.Realise = montant.Value;
            }
        }
        compteRendu.ModifieLe = time.GetUtcNow();
        compteRendu.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e) || DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        return Result.Success(compteRendu.Id);
    }

    public const string LibelleSubvention = "74 – Métropole (fonds d'initiative)";

    /// <summary>What the report still needs before it is submitted, each with its field.</summary>
    public static List<(string Champ, string Message)> Manques(Etat etat)
    {
        var manques = new List<(string, string)>();
        var c = etat.CompteRendu;
        if (string.IsNullOrWhiteSpace(c?.Realisation))
        {
            manques.Add((nameof(CompteRenduFinancier.Realisation), "Décrivez les actions réalisées."));
        }
        if (c?.PersonnesTouchees is null)
        {
            manques.Add((nameof(CompteRenduFinancier.PersonnesTouchees), "Indiquez le nombre de personnes touchées."));
        }
        if (c?.SubventionRealisee is null)
        {
            manques.Add((nameof(CompteRenduFinancier.SubventionRealisee), "Indiquez la subvention de la Métropole effectivement utilisée."));
        }
        var postes = Postes(etat.Dossier, c);
        foreach (var (poste, _) in postes.Where(p => c?.Lignes.Any(l => l.Code == p.Poste.Code) != true))
        {
            manques.Add(($"Realise[{poste.Code}]", $"Indiquez le montant réalisé de la ligne « {poste.Libelle} » (0 si rien)."));
        }
        var realises = postes.Where(p => c?.Lignes.Any(l => l.Code == p.Poste.Code) == true)
            .Select(p => (p.Poste.Libelle, p.Prevu, c!.Lignes.Single(l => l.Code == p.Poste.Code).Realise)).ToList();
        if (c?.SubventionRealisee is { } s)
        {
            realises.Add((LibelleSubvention, etat.Decision.Montant ?? 0, s));
        }
        if (Suivi.LignesEnEcart(realises) is { Count: > 0 } ecarts && string.IsNullOrWhiteSpace(c?.ExplicationEcarts))
        {
            manques.Add((nameof(CompteRenduFinancier.ExplicationEcarts), $"Expliquez les écarts de plus de {Suivi.EcartSignificatif:0} % entre le prévu et le réalisé ({string.Join(" ; ", ecarts)})."));
        }
        return manques;
    }

    /// <summary>
    /// The legal representative certifies and submits the report: refused while something is missing. Submitted, it
    /// is final; it frees the balance and lifts the block on new dossiers.
    /// </summary>
    public async Task<Result> DeposerCompteRenduAsync(int dossierId, int version, bool certification, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        if (await EtatAsync(dossierId, ct) is not { } etat)
        {
            return Result.Failure("", "Ce dossier n'a pas de subvention accordée : il n'a pas de compte rendu.");
        }
        var utilisateur = OrganisationsService.Id(qui);
        if (!await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == etat.Dossier.OrganisationId && m.UtilisateurId == utilisateur && m.RepresentantLegal, ct))
        {
            return Result.Failure("", "Le compte rendu est certifié et déposé par le représentant légal de l'organisation : enregistrez-le, puis demandez-lui de le déposer.");
        }
        if (etat.CompteRendu is null || etat.CompteRendu.Version != version)
        {
            return Result.Failure("", etat.CompteRendu is null ? "Enregistrez d'abord le compte rendu." : $"{Concurrency.Message} Rechargez la page.");
        }
        if (etat.CompteRenduDepose)
        {
            return Result.Failure("", "Le compte rendu est déjà déposé.");
        }
        var manques = Manques(etat);
        if (!certification)
        {
            manques.Add(("Certification", "Cochez la certification : le représentant légal certifie exactes les informations du compte rendu."));
        }
        if (manques.Count > 0)
        {
            return Result.Failure([.. manques]);
        }
        // The version certified is the one read: a save in between (by another member) is refused, not certified unseen.
        var compteRendu = await db.Set<CompteRenduFinancier>().SingleOrDefaultAsync(c => c.Id == etat.CompteRendu.Id, ct);
        if (compteRendu is null || compteRendu.Version != version || compteRendu.DeposeLe is not null)
        {
            db.ChangeTracker.Clear();
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page pour relire le compte rendu avant de le certifier.");
        }
        compteRendu.Certification = true;
        compteRendu.DeposeLe = time.GetUtcNow();
        compteRendu.DeposePar = PorteeUtilisateur.NomDe(qui);
        compteRendu.Version++;
        if (await db.SaveAsync(() => Task.FromResult("un autre dépôt"), ct) is not null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        // The fund's side hears of it too: the balance and the block on new dossiers depend on it.
        foreach (var adresse in await EchangesService.DestinatairesEquipeAsync(db, capacites, etat.Dossier, ct))
        {
            workflows.Notify(new Platform.Email.EmailMessage(adresse, "Compte rendu financier reçu – fonds d'initiative",
                $"Bonjour,\n\n{compteRendu.DeposePar} a déposé le compte rendu financier du dossier « {etat.Dossier.Intitule} » ({etat.Organisation.Nom}).\n\nLa subvention : {lienBase}/fonds/gestion/subvention/{etat.Dossier.Id}\n\nEgalis"));
        }
        await DossiersService.NotifierMembresAsync(db, workflows, profil, etat.Dossier,
            ("Compte rendu financier déposé", $"Dossier « {etat.Dossier.Intitule} ».\nLe compte rendu financier a été déposé par {compteRendu.DeposePar}. Merci : l'équipe du plan l'examine{(etat.Versements.Any(v => v.ApresCompteRendu && v.VerseLe is null) ? " avant de verser le solde" : "")}."), lienBase, ct);
        return Result.Success(compteRendu.Id);
    }

    public sealed record Retard(int DossierId, string Intitule, DateOnly Echeance);

    /// <summary>An organisation's granted dossiers whose report is overdue: while there is one, it cannot submit a new dossier.</summary>
    public static async Task<List<Retard>> RetardsAsync(EgalisDbContext db, int organisationId, DateOnly aujourdhui, CancellationToken ct)
    {
        // A superset (month ends differ by up to three days), which the rule then decides.
        var finAvant = aujourdhui.AddMonths(-Suivi.MoisPourLeCompteRendu).AddDays(4);
        return (await db.Set<Dossier>().AsNoTracking()
                .Where(d => d.OrganisationId == organisationId && d.Etat == EtatDossier.Accepte && d.DateFin != null && d.DateFin < finAvant
                    && !db.Set<CompteRenduFinancier>().Any(c => c.DossierId == d.Id && c.DeposeLe != null))
                .OrderBy(d => d.DateFin).Select(d => new { d.Id, d.Intitule, d.DateFin }).ToListAsync(ct))
            .Where(d => Suivi.EnRetard(d.DateFin, false, aujourdhui))
            .Select(d => new Retard(d.Id, d.Intitule ?? $"Dossier n° {d.Id}", Suivi.EcheanceCompteRendu(d.DateFin!.Value))).ToList();
    }
}

/// <summary>A signed convention is read by the fund's team and by the members of the organisation it was signed with.</summary>
public sealed class CopiesConvention(EgalisDbContext db, Microsoft.AspNetCore.Authorization.IAuthorizationService autorisation) : IFileOwner
{
    public string Type => SuiviService.TypeFichiers;

    public async Task<bool> CanReadAsync(ClaimsPrincipal qui, string proprietaireId, CancellationToken ct)
    {
        if (!int.TryParse(proprietaireId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        if ((await Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions.AuthorizeAsync(autorisation, qui, FondsModule.GererLeFonds)).Succeeded)
        {
            return true;
        }
        var utilisateur = OrganisationsService.Id(qui);
        return utilisateur is not null && await (from c in db.Set<ConventionSubvention>()
                                                 join d in db.Set<Dossier>() on c.DossierId equals d.Id
                                                 where c.Id == id && db.Set<MembreOrganisation>().Any(m => m.OrganisationId == d.OrganisationId && m.UtilisateurId == utilisateur)
                                                 select c.Id).AnyAsync(ct);
    }
}
