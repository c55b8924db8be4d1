using System.Globalization;
using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// A dossier's life: the applicant's draft, saved as they type; its submission, checked against the call; its
/// instruction (correction requests, decisions). Every step goes through the kit's workflow (who, when, why), and the
/// organisation's members are e-mailed at submission, at a correction request and at the decision.
/// </summary>
public sealed class DossiersService(EgalisDbContext db, Workflows workflows, OrganisationsService organisations, IAuthorizationService autorisation,
    Budget.BudgetService budget, TimeProvider time, Platform.Collectivite.ProfilCollectivite profil)
{
    public const string TypeHistorique = "fonds-dossier";

    public static string Libelle(EtatDossier etat) => etat switch
    {
        EtatDossier.Brouillon => "brouillon",
        EtatDossier.EnConstruction => "en construction",
        EtatDossier.EnInstruction => "en instruction",
        EtatDossier.Accepte => "accepté",
        EtatDossier.Refuse => "refusé",
        EtatDossier.SansSuite => "sans suite",
        _ => etat.ToString(),
    };

    /// <summary>The applicant's step: submitting.</summary>
    public static readonly Workflow<EtatDossier> Depot = new(TypeHistorique, FondsModule.DeposerUnDossier, "Un dossier", Libelle,
        new Transition<EtatDossier>(EtatDossier.Brouillon, EtatDossier.EnConstruction, "Déposer le dossier"));

    /// <summary>The instructors' steps (acceptance goes through the committee).</summary>
    public static readonly Workflow<EtatDossier> Instruction = new(TypeHistorique, FondsModule.InstruireLesDossiers, "Un dossier", Libelle,
        new(EtatDossier.EnConstruction, EtatDossier.EnInstruction, "Passer en instruction"),
        new(EtatDossier.EnInstruction, EtatDossier.EnConstruction, "Demander une correction", ReasonPrompt: "Indiquez ce que le porteur doit corriger ou compléter : il le lira."),
        new(EtatDossier.EnInstruction, EtatDossier.Refuse, "Refuser", ReasonPrompt: "Indiquez le motif du refus : il est envoyé au porteur."),
        new(EtatDossier.EnInstruction, EtatDossier.SansSuite, "Classer sans suite", ReasonPrompt: "Indiquez pourquoi le dossier est classé sans suite : il est envoyé au porteur."));

    /// <summary>Reopening a decision: the administrators only, with a reason.</summary>
    public static readonly Workflow<EtatDossier> Reouverture = new(TypeHistorique, FondsModule.RouvrirUneDecision, "Un dossier", Libelle,
        new(EtatDossier.Accepte, EtatDossier.EnInstruction, "Rouvrir l'instruction", ReasonPrompt: "Indiquez pourquoi la décision est rouverte."),
        new(EtatDossier.Refuse, EtatDossier.EnInstruction, "Rouvrir l'instruction", ReasonPrompt: "Indiquez pourquoi la décision est rouverte."),
        new(EtatDossier.SansSuite, EtatDossier.EnInstruction, "Rouvrir l'instruction", ReasonPrompt: "Indiquez pourquoi la décision est rouverte."));

    public static bool Modifiable(EtatDossier etat) => etat is EtatDossier.Brouillon or EtatDossier.EnConstruction;

    public static string Cle(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dossier if this person may read it: a member of its organisation, or an instructor within their scope.</summary>
    public async Task<Dossier?> LisibleAsync(int id, ClaimsPrincipal qui, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Budget).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null)
        {
            return null;
        }
        if ((await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded)
        {
            return dossier;
        }
        // Instructors read what is submitted, never a draft.
        return dossier.Etat != EtatDossier.Brouillon && (await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded
            ? dossier : null;
    }

    /// <summary>Starts a draft for an organisation the person is a member of, on an open call.</summary>
    public async Task<Result> CreerAsync(int appelId, int organisationId, ClaimsPrincipal qui, CancellationToken ct)
    {
        if (await organisations.MembreAsync(organisationId, qui, ct) is null)
        {
            return Result.Failure("OrganisationId", "Choisissez l'une de vos organisations.");
        }
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appelId && a.Statut == StatutAppel.Publie, ct);
        var maintenant = time.GetUtcNow();
        if (appel is null || !Calendrier.Ouvert(appel.Ouverture, appel.Cloture, maintenant))
        {
            return Result.Failure("", "Cet appel ne reçoit pas de dossier en ce moment.");
        }
        // One dossier per organisation and call: the one already started is the one to continue.
        if (await db.Set<Dossier>().Where(d => d.AppelId == appelId && d.OrganisationId == organisationId).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct) is { } existant)
        {
            return Result.Success(existant);
        }
        var dossier = new Dossier
        {
            AppelId = appelId, OrganisationId = organisationId, Etat = EtatDossier.Brouillon, CreePar = PorteeUtilisateur.NomDe(qui),
            CreeLe = maintenant, ModifieLe = maintenant,
        };
        db.Add(dossier);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Started twice at once (a double click): the first one is the dossier.
            db.ChangeTracker.Clear();
            return Result.Success(await db.Set<Dossier>().Where(d => d.AppelId == appelId && d.OrganisationId == organisationId).Select(d => d.Id).SingleAsync(ct));
        }
        return Result.Success(dossier.Id);
    }

    /// <summary>What the form gives: any part may be empty in a draft; what is typed is checked (sizes, numbers, lists).</summary>
    public sealed record Saisie(
        string? Agrements, int? Salaries, decimal? Etp, int? Benevoles,
        string? Intitule, string? Objectifs, string? Description, string? PublicVise, int? NombreBeneficiaires, DateOnly? DateDebut, DateOnly? DateFin,
        IReadOnlyList<string> Communes, IReadOnlyList<string> Qpv, IReadOnlyList<string> Criteres, IReadOnlyList<string> Domaines,
        string? Moyens, string? Evaluation, decimal? MontantDemande, IReadOnlyDictionary<string, decimal?> Budget, bool Attestation, bool EngagementRepublicain);

    /// <summary>Saves the applicant's input, complete or not, while the dossier is theirs to edit.</summary>
    public async Task<Result> EnregistrerAsync(int id, int version, Saisie s, ClaimsPrincipal qui, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().Include(d => d.Budget).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null || !(await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded)
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        if (!Modifiable(dossier.Etat))
        {
            return Result.Failure("", $"Le dossier est {Libelle(dossier.Etat)} : il ne se modifie plus.");
        }
        var soumis = dossier.Etat == EtatDossier.EnConstruction;
        if (soumis && dossier.CorrectionDemandee is null)
        {
            var cloture = await db.Set<AppelAProjets>().Where(a => a.Id == dossier.AppelId).Select(a => new { a.Cloture, a.Statut }).SingleAsync(ct);
            if (cloture.Statut != StatutAppel.Publie || time.GetUtcNow() >= cloture.Cloture)
            {
                return Result.Failure("", "L'appel est clos : le dossier déposé ne se modifie plus, sauf si l'instructeur demande une correction.");
            }
        }
        var erreurs = await VerifierSaisieAsync(s, ct);
        if (erreurs.Count > 0)
        {
            return Result.Failure([.. erreurs]);
        }
        db.Entry(dossier).Property(d => d.Version).OriginalValue = version;
        dossier.Version = version + 1;
        dossier.ModifieLe = time.GetUtcNow();
        dossier.Agrements = Texts.Clean(s.Agrements);
        (dossier.Salaries, dossier.Etp, dossier.Benevoles) = (s.Salaries, s.Etp, s.Benevoles);
        dossier.Intitule = Texts.Clean(s.Intitule);
        dossier.Objectifs = Texts.Clean(s.Objectifs);
        dossier.Description = Texts.Clean(s.Description);
        dossier.PublicVise = Texts.Clean(s.PublicVise);
        dossier.NombreBeneficiaires = s.NombreBeneficiaires;
        (dossier.DateDebut, dossier.DateFin) = (s.DateDebut, s.DateFin);
        dossier.Communes = s.Communes.Distinct().Order(StringComparer.Ordinal).ToList();
        dossier.Qpv = s.Qpv.Distinct().Order(StringComparer.Ordinal).ToList();
        dossier.Criteres = s.Criteres.Distinct().ToList();
        dossier.Domaines = s.Domaines.Distinct().ToList();
        dossier.Moyens = Texts.Clean(s.Moyens);
        dossier.Evaluation = Texts.Clean(s.Evaluation);
        dossier.MontantDemande = s.MontantDemande;
        dossier.Attestation = s.Attestation;
        dossier.EngagementRepublicain = s.EngagementRepublicain;
        dossier.ConseilTerritoireCode = dossier.Communes.Count == 0 ? null
            : await db.Set<Territoires.Commune>().Where(c => c.CodeInsee == dossier.Communes[0]).Select(c => c.ConseilTerritoireCode).SingleOrDefaultAsync(ct);
        foreach (var (code, montant) in s.Budget)
        {
            var ligne = dossier.Budget.SingleOrDefault(l => l.Code == code);
            if (montant is null or 0)
            {
                if (ligne is not null)
                {
                    dossier.Budget.Remove(ligne);
                    db.Remove(ligne);
                }
            }
            else if (ligne is null)
            {
                dossier.Budget.Add(new LigneBudgetDossier { Code = code, Montant = montant.Value });
            }
            else
            {
                ligne.Montant = montant.Value;
            }
        }
        if (soumis && await ManquesAsync(dossier, ct) is { Count: > 0 } manques)
        {
            // A submitted dossier stays complete and eligible: a change that would break it is not saved.
            db.ChangeTracker.Clear();
            return Result.Failure([.. manques.Select(m => (m.Champ is "Organisation" ? "" : m.Champ, $"Le dossier est déposé : il doit rester complet. {m.Message}"))]);
        }
        var conflit = await db.SaveAsync(async () =>
        {
            var actuel = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Id == id, ct);
            return $"modifié le {Platform.Web.Paris.Display(actuel.ModifieLe)}, {Libelle(actuel.Etat)}";
        }, ct);
        return conflit is null ? Result.Success(id) : Result.Failure("", $"{Concurrency.Message} Enregistré entre-temps : dossier {conflit}. Rechargez la page pour reprendre à partir de cette version.");
    }

    private async Task<List<(string, string)>> VerifierSaisieAsync(Saisie s, CancellationToken ct)
    {
        var erreurs = new List<(string, string)>();
        void Longueur(string? texte, int maximum, string champ, string quoi)
        {
            if (Texts.TropLong(texte, maximum, quoi) is { } message)
            {
                erreurs.Add((champ, message));
            }
        }
        Longueur(s.Agrements, ReglesDossier.TexteCourt, nameof(Saisie.Agrements), "La liste des agréments");
        Longueur(s.Intitule, 200, nameof(Saisie.Intitule), "L'intitulé");
        Longueur(s.Objectifs, ReglesDossier.TexteMoyen, nameof(Saisie.Objectifs), "Les objectifs");
        Longueur(s.Description, ReglesDossier.TexteLong, nameof(Saisie.Description), "La description");
        Longueur(s.PublicVise, ReglesDossier.TexteMoyen, nameof(Saisie.PublicVise), "Le public visé");
        Longueur(s.Moyens, ReglesDossier.TexteMoyen, nameof(Saisie.Moyens), "Les moyens");
        Longueur(s.Evaluation, ReglesDossier.TexteMoyen, nameof(Saisie.Evaluation), "L'évaluation");
        if (s.Salaries is < 0 or > 100_000)
        {
            erreurs.Add((nameof(Saisie.Salaries), "Le nombre de salariés est un nombre entier positif."));
        }
        if (s.Etp is < 0 or > 100_000)
        {
            erreurs.Add((nameof(Saisie.Etp), "Les équivalents temps plein sont un nombre positif, par exemple 2,5."));
        }
        if (s.Benevoles is < 0 or > 1_000_000)
        {
            erreurs.Add((nameof(Saisie.Benevoles), "Le nombre de bénévoles est un nombre entier positif."));
        }
        if (s.NombreBeneficiaires is < 0 or > 10_000_000)
        {
            erreurs.Add((nameof(Saisie.NombreBeneficiaires), "Le nombre de personnes touchées est un nombre entier positif."));
        }
        if (Years.CheckDate(s.DateDebut, "La date de début") is { } debut)
        {
            erreurs.Add((nameof(Saisie.DateDebut), debut));
        }
        if (Years.CheckDate(s.DateFin, "La date de fin") is { } fin)
        {
            erreurs.Add((nameof(Saisie.DateFin), fin));
        }
        if (s.MontantDemande is { } demande && Budget.Euros.Verifier(demande, zeroAccepte: true) is { } invalide)
        {
            erreurs.Add((nameof(Saisie.MontantDemande), invalide));
        }
        foreach (var (code, montant) in s.Budget)
        {
            if (!ReglesDossier.EstPoste(code))
            {
                erreurs.Add(("Budget", "Ce poste de budget n'existe pas."));
            }
            else if (montant is { } m && Budget.Euros.Verifier(m, zeroAccepte: true) is { } refus)
            {
                erreurs.Add(($"Budget[{code}]", refus));
            }
        }
        if (s.Domaines.Any(d => ReglesDossier.DomainesPossibles.All(p => p.Code != d)))
        {
            erreurs.Add((nameof(Saisie.Domaines), "Choisissez les domaines dans la liste."));
        }
        // Codes checked against the reference data in one round trip each list (a form holds a few dozen at most).
        if (s.Communes.Count > 100 || s.Qpv.Count > 200 || s.Criteres.Count > 50)
        {
            erreurs.Add(("", "Trop d'éléments choisis."));
            return erreurs;
        }
        var communes = s.Communes.ToList();
        if (communes.Count > 0 && await db.Set<Territoires.Commune>().CountAsync(c => communes.Contains(c.CodeInsee), ct) != communes.Distinct().Count())
        {
            erreurs.Add((nameof(Saisie.Communes), "Choisissez les communes dans la liste."));
        }
        var qpv = s.Qpv.ToList();
        if (qpv.Count > 0 && await db.Set<Territoires.Qpv>().CountAsync(q => qpv.Contains(q.Code), ct) != qpv.Distinct().Count())
        {
            erreurs.Add((nameof(Saisie.Qpv), "Choisissez les quartiers prioritaires dans la liste."));
        }
        var criteres = s.Criteres.ToList();
        if (criteres.Count > 0 && await db.Set<Territoires.CritereDiscrimination>().CountAsync(c => criteres.Contains(c.Code), ct) != criteres.Distinct().Count())
        {
            erreurs.Add((nameof(Saisie.Criteres), "Choisissez les critères dans la liste."));
        }
        return erreurs;
    }

    /// <summary>What the submission would refuse now, in the form's order (shown on the draft, with a link to each field).</summary>
    public async Task<List<(string Champ, string Message)>> ManquesAsync(Dossier dossier, CancellationToken ct)
    {
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == dossier.AppelId, ct);
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == dossier.OrganisationId, ct);
        var representant = await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == organisation.Id && m.RepresentantLegal, ct);
        var aujourdhui = Platform.Web.Paris.Today(time);
        var pieces = await db.Set<PieceOrganisation>().Where(p => p.OrganisationId == organisation.Id && (p.ValableJusquAu == null || p.ValableJusquAu >= aujourdhui))
            .Select(p => p.Type).Distinct().ToListAsync(ct);
        var communes = dossier.Communes.ToList();
        var territoires = await db.Set<Territoires.Commune>().Where(c => communes.Contains(c.CodeInsee)).ToDictionaryAsync(c => c.CodeInsee, c => c.ConseilTerritoireCode, ct);
        var retards = await SuiviService.RetardsAsync(db, organisation.Id, aujourdhui, ct);
        return ReglesDossier.AvantDepot(dossier, new ReglesDossier.Contexte(appel, organisation, representant, pieces, territoires, time.GetUtcNow()) { ComptesRendusEnRetard = retards });
    }

    /// <summary>
    /// Submits a draft, or sends the correction asked for: checked first against the call (open, eligible, complete,
    /// balanced); nothing changes when something is missing.
    /// </summary>
    public async Task<Result> DeposerAsync(int id, int version, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().Include(d => d.Budget).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null || !(await autorisation.AuthorizeAsync(qui, dossier, new OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded)
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        if (dossier.Version != version)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page pour voir le dossier tel qu'il est enregistré.");
        }
        if (dossier.Etat == EtatDossier.EnConstruction && dossier.CorrectionDemandee is null)
        {
            return Result.Failure("", "Le dossier est déjà déposé.");
        }
        var manques = await ManquesAsync(dossier, ct);
        if (manques.Count > 0)
        {
            return Result.Failure([.. manques]);
        }
        var correction = dossier.Etat == EtatDossier.EnConstruction;
        if (!correction)
        {
            var etape = await workflows.StepAsync(Depot, qui, dossier, Cle(id), dossier.Etat, EtatDossier.EnConstruction, () => Result.Success());
            if (!etape.Ok)
            {
                return etape;
            }
            dossier.Etat = EtatDossier.EnConstruction;
            dossier.DeposeLe = time.GetUtcNow();
        }
        // What will be paid is what was submitted: the organisation's bank details at this moment.
        var banque = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == dossier.OrganisationId).Select(o => new { o.Iban, o.Bic, o.TitulaireCompte }).SingleAsync(ct);
        (dossier.Iban, dossier.Bic, dossier.TitulaireCompte) = (banque.Iban, banque.Bic, banque.TitulaireCompte);
        dossier.CorrectionDemandee = null;
        dossier.Version++;
        var conflit = await db.SaveAsync(() => Task.FromResult("un autre dépôt"), ct);
        if (conflit is not null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page pour voir le dossier tel qu'il est enregistré.");
        }
        await NotifierAsync(dossier, correction
            ? ("Correction envoyée", $"La correction du dossier « {dossier.Intitule} » a été envoyée le {Platform.Web.Paris.Display(time.GetUtcNow())}. Il sera de nouveau examiné.")
            : ("Dossier déposé", $"Le dossier « {dossier.Intitule} » a été déposé le {Platform.Web.Paris.Display(dossier.DeposeLe!.Value)} par {PorteeUtilisateur.NomDe(qui)}. Vous pouvez encore le modifier tant qu'il n'est pas en instruction."),
            lienBase, ct);
        return Result.Success(id);
    }

    /// <summary>An instructor's step (or an administrator's reopening): checked by the workflow, recorded, e-mailed to the applicant.</summary>
    public async Task<Result> InstruireAsync(int id, int version, EtatDossier vers, string? motif, ClaimsPrincipal qui, string lienBase, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().SingleOrDefaultAsync(d => d.Id == id && d.Etat != EtatDossier.Brouillon, ct);
        if (dossier is null)
        {
            return Result.Failure("", "Ce dossier n'existe pas.");
        }
        if (vers == EtatDossier.Accepte)
        {
            return Result.Failure("Statut", "Un dossier est accepté par le comité, qui engage son montant.");
        }
        if (dossier.Version != version)
        {
            return Result.Failure("", $"{Concurrency.Message} Le dossier est maintenant {Libelle(dossier.Etat)}.");
        }
        var workflow = dossier.Etat is EtatDossier.Accepte or EtatDossier.Refuse or EtatDossier.SansSuite ? Reouverture : Instruction;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var resultat = await workflows.StepAsync(workflow, qui, dossier, Cle(id), dossier.Etat, vers, () => Result.Success(), motif: motif);
        if (!resultat.Ok)
        {
            return resultat;
        }
        var de = dossier.Etat;
        if (de == EtatDossier.Accepte)
        {
            // A signed convention is final: a grant that has one is corrected by a new act, not reopened. Unsigned terms go with the grant.
            var conventions = await db.Set<ConventionSubvention>().Where(c => c.DossierId == id).ToListAsync(ct);
            if (conventions.Any(c => c.Statut == StatutConvention.Signee))
            {
                return Result.Failure("", "La convention de cette subvention est signée : la décision ne se rouvre plus. Une modification passe par un avenant ou un nouvel acte.");
            }
            db.RemoveRange(conventions);
            // Reopening a grant frees its money: the commitment is cancelled with the step, or nothing happens.
            var engagement = await db.Set<DecisionComite>().Where(d => d.DossierId == id && d.Accorde && d.EngagementId != null)
                .OrderByDescending(d => d.Id).Select(d => d.EngagementId).FirstOrDefaultAsync(ct);
            if (engagement is { } engagementId)
            {
                var annule = await budget.AnnulerEngagementAsync(engagementId, $"Décision rouverte : {Texts.Clean(motif)}", ct);
                if (!annule.Ok)
                {
                    return Result.Failure("", $"La décision ne se rouvre pas : {annule.Error}");
                }
            }
        }
        dossier.Etat = vers;
        dossier.CorrectionDemandee = vers == EtatDossier.EnConstruction ? Texts.Clean(motif) : null;
        dossier.Version++;
        var conflit = await db.SaveAsync(() => Task.FromResult("une autre étape"), ct);
        if (conflit is not null)
        {
            return Result.Failure("", $"{Concurrency.Message} Rechargez la page.");
        }
        await transaction.CommitAsync(ct);
        var sujet = (de, vers) switch
        {
            (_, EtatDossier.EnConstruction) => ("Correction demandée", $"Une correction est demandée sur le dossier « {dossier.Intitule} » :\n\n{Texts.Clean(motif)}\n\nModifiez le dossier puis envoyez la correction depuis sa page."),
            (_, EtatDossier.Refuse) => ("Dossier refusé", $"Le dossier « {dossier.Intitule} » n'est pas retenu. Motif :\n\n{Texts.Clean(motif)}"),
            (_, EtatDossier.SansSuite) => ("Dossier classé sans suite", $"Le dossier « {dossier.Intitule} » est classé sans suite. Motif :\n\n{Texts.Clean(motif)}"),
            (EtatDossier.EnConstruction, EtatDossier.EnInstruction) => ("Dossier en instruction", $"Le dossier « {dossier.Intitule} » est en cours d'instruction : il ne se modifie plus."),
            _ => ("Instruction rouverte", $"L'instruction du dossier « {dossier.Intitule} » est rouverte. Motif :\n\n{Texts.Clean(motif)}"),
        };
        await NotifierAsync(dossier, sujet, lienBase, ct);
        return Result.Success(id);
    }

    /// <summary>Every member of the organisation is told, with the link to the dossier.</summary>
    private Task NotifierAsync(Dossier dossier, (string Sujet, string Texte) message, string lienBase, CancellationToken ct) =>
        NotifierMembresAsync(db, workflows, profil, dossier, message, lienBase, ct);

    public sealed record AutreDossier(int Id, string? Intitule, string Appel, EtatDossier Etat, decimal? Accorde);

    public sealed record HistoriqueOrganisation(IReadOnlyList<AutreDossier> Dossiers, IReadOnlyList<(int Annee, decimal Montant)> AccordeParAnnee, IReadOnlyList<(SuiviService.Retard Retard, bool Lisible)> Retards);

    /// <summary>The organisation's other submitted dossiers (with what each was granted), its grants per year and its overdue reports.</summary>
    public async Task<HistoriqueOrganisation> HistoriqueAsync(Dossier dossier, CapabilityScope portee, CancellationToken ct)
    {
        // Its other dossiers as far as this person may instruct them (a territory's referent sees those of their territory).
        var lisibles = InstructionListe.Filtrer(db, portee, null, null, null).Select(d => d.Id);
        var autres = await (from d in db.Set<Dossier>().AsNoTracking()
                            join a in db.Set<AppelAProjets>() on d.AppelId equals a.Id
                            where d.OrganisationId == dossier.OrganisationId && d.Id != dossier.Id && lisibles.Contains(d.Id)
                            orderby a.Annee descending, d.Id descending
                            select new { d.Id, d.Intitule, a.Titre, d.Etat }).Take(50).ToListAsync(ct);
        // What was granted: the latest decision of each accepted dossier, in its committee's year.
        var accords = await (from x in db.Set<DecisionComite>().AsNoTracking()
                             join c in db.Set<Comite>() on x.ComiteId equals c.Id
                             join d in db.Set<Dossier>() on x.DossierId equals d.Id
                             where d.OrganisationId == dossier.OrganisationId && d.Etat == EtatDossier.Accepte && x.Accorde
                                   && !db.Set<DecisionComite>().Any(autre => autre.DossierId == x.DossierId && autre.Id > x.Id)
                             select new { x.DossierId, c.Date.Year, x.Montant }).ToListAsync(ct);
        var visibles = await lisibles.Where(id => db.Set<Dossier>().Any(d => d.Id == id && d.OrganisationId == dossier.OrganisationId)).ToListAsync(ct);
        // Overdue reports block the organisation whatever the territory: they are said, titled only when in scope.
        var retards = (await SuiviService.RetardsAsync(db, dossier.OrganisationId, Platform.Web.Paris.Today(time), ct))
            .Select(r => (r, visibles.Contains(r.DossierId))).ToList();
        return new HistoriqueOrganisation(
            autres.Select(a => new AutreDossier(a.Id, a.Intitule, a.Titre, a.Etat, accords.FirstOrDefault(x => x.DossierId == a.Id)?.Montant)).ToList(),
            accords.GroupBy(a => a.Year).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Sum(a => a.Montant ?? 0))).ToList(),
            retards);
    }

    /// <summary>Every member of the dossier's organisation is e-mailed, with the link to the dossier (after the save).</summary>
    public static async Task NotifierMembresAsync(EgalisDbContext db, Workflows workflows, Platform.Collectivite.ProfilCollectivite profil, Dossier dossier,
        (string Sujet, string Texte) message, string lienBase, CancellationToken ct)
    {
        var destinataires = await (from m in db.Set<MembreOrganisation>()
                                   join u in db.Users on m.UtilisateurId equals u.Id
                                   where m.OrganisationId == dossier.OrganisationId && u.Email != null && u.DesactiveLe == null
                                   select new { u.Email, u.NomComplet }).ToListAsync(ct);
        foreach (var d in destinataires)
        {
            workflows.Notify(new EmailMessage(d.Email!, $"{message.Sujet} – fonds d'initiative",
                $"Bonjour {d.NomComplet},\n\n{message.Texte}\n\nLe dossier : {lienBase}/fonds/dossier/{dossier.Id}\n\nL'équipe du plan – {profil.Nom}"));
        }
    }
}

/// <summary>An applicant acts on the dossiers of the organisations they are a member of.</summary>
public sealed class MembreDossierHandler(EgalisDbContext db) : AuthorizationHandler<OnRecordRequirement, Dossier>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OnRecordRequirement requirement, Dossier resource)
    {
        if (requirement.Capacite != FondsModule.DeposerUnDossier || !context.User.IsInRole(Roles.Porteur)
            || OrganisationsService.Id(context.User) is not { } id)
        {
            return;
        }
        if (await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == resource.OrganisationId && m.UtilisateurId == id))
        {
            context.Succeed(requirement);
        }
    }
}
