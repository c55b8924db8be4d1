using System.Security.Claims;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Demo (Development only): the fund in use. The calls of 2024 and 2025, closed, whose dossiers across several
/// territories were submitted, instructed, scored and decided by a committee (its grants committed on the year's
/// envelope through the Budget service), then followed (terms, a signed convention, payments, reports — one overdue);
/// one dossier of 2025 still in instruction; the 2026 call open, with the demo applicant's draft. So the instruction list, the open data and the figures are alive on first run.
/// </summary>
public sealed class FondsDemo : ISeeder
{
    private sealed record Porteur(string Nom, TypeOrganisation Type, string Siret, string? Rna, string Commune, string CodePostal, string Ville);

    private static readonly Porteur[] Porteurs =
    [
        new("Association Ancrages", TypeOrganisation.Association, "73282932000074", "W133001234", "13055", "13002", "Marseille"),
        new("Ligue des droits de Provence", TypeOrganisation.Association, "78467169500087", "W131002345", "13001", "13100", "Aix-en-Provence"),
        new("Centre social Les Amandiers", TypeOrganisation.Association, "44306184100013", "W133003456", "13047", "13800", "Istres"),
        new("Sport pour toutes", TypeOrganisation.Association, "55210055400013", "W133004567", "13005", "13400", "Aubagne"),
        new("Commune de Gardanne", TypeOrganisation.Commune, "20000017200011", null, "13041", "13120", "Gardanne"),
        new("Maison de quartier des Canourgues", TypeOrganisation.Association, "77567227200017", "W133005678", "13103", "13300", "Salon-de-Provence"),
    ];

    /// <summary>Per call year: which organisation, the project, the amount asked, and what the committee did (null: still in instruction; 0: refused).</summary>
    private static readonly (int Annee, int Porteur, string Intitule, decimal Demande, decimal? Accorde)[] Dossiers =
    [
        (2024, 0, "Ateliers « Connaître ses droits » dans les centres sociaux", 8_000m, 8_000m),
        (2024, 1, "Testing des agences immobilières du Pays d'Aix", 7_000m, 6_500m),
        (2024, 2, "Forum emploi sans discrimination à Istres", 4_000m, 4_000m),
        (2024, 3, "Tournois mixtes et paroles de sportives", 5_000m, 0m),
        (2025, 4, "Formation des agents d'accueil de Gardanne", 9_000m, 9_000m),
        (2025, 0, "Permanences juridiques itinérantes", 8_500m, 7_500m),
        (2025, 5, "Médiation dans les quartiers de Salon", 6_000m, 0m),
        (2025, 2, "Théâtre-forum contre le racisme ordinaire", 5_500m, null),
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!await Demo.IsActiveAsync(db, services, ct) || await db.Set<AppelAProjets>().AnyAsync(ct))
        {
            return;
        }
        var maintenant = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var codes = Porteurs.Select(p => p.Commune).ToList();
        var territoires = await db.Set<Territoires.Commune>().Where(c => codes.Contains(c.CodeInsee)).ToDictionaryAsync(c => c.CodeInsee, c => c.ConseilTerritoireCode, ct);
        if (territoires.Count < codes.Count)
        {
            // Another collectivité's territory: these communes are not its own.
            return;
        }
        var organisations = new List<Organisation>();
        foreach (var p in Porteurs)
        {
            var o = new Organisation
            {
                Type = p.Type, Nom = p.Nom, Siret = p.Siret, Rna = p.Rna, CommuneCodeInsee = p.Commune, Adresse = "1 place de la République",
                CodePostal = p.CodePostal, Ville = p.Ville, Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP", TitulaireCompte = p.Nom, CreeLe = maintenant.AddYears(-3),
            };
            db.Add(o);
            organisations.Add(o);
        }
        await db.SaveChangesAsync(ct);
        // The demo applicant acts for the first association.
        if (await db.Users.Where(u => u.NormalizedEmail == "PORTEUR@" + RolesSeeder.DomaineDemo.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct) is { } porteur)
        {
            db.Add(new MembreOrganisation { OrganisationId = organisations[0].Id, UtilisateurId = porteur, Administrateur = true, RepresentantLegal = true, Qualite = "Présidente", DepuisLe = maintenant.AddYears(-3) });
        }

        var equipe = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "demo"), new Claim(ClaimTypes.Name, "Camille Chef de projet"), new Claim(ClaimTypes.Role, Roles.ChefDeProjet)], "demo"));
        foreach (var annee in new[] { 2024, 2025 })
        {
            var allocation = await db.Set<Allocation>().Where(a => a.ActionCode == AppelsService.ActionDuFonds && a.Credit!.Annee == annee).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (allocation is null)
            {
                continue;
            }
            var appel = Appel($"Appel à projets {annee} : agir contre les discriminations", annee, Instant(annee, 1, 15, 9), Instant(annee, 3, 31, 12), allocation, StatutAppel.Clos);
            db.Add(appel);
            await db.SaveChangesAsync(ct);
            Historique(db, AppelsService.Workflow.Type, appel.Id, [(StatutAppel.Brouillon, StatutAppel.Publie, Instant(annee, 1, 10, 10)), (StatutAppel.Publie, StatutAppel.Clos, Instant(annee, 4, 1, 9))]);
            var prets = new List<(Dossier Dossier, decimal? Accorde)>();
            foreach (var (_, porteurIndex, intitule, demande, accorde) in Dossiers.Where(d => d.Annee == annee))
            {
                var o = organisations[porteurIndex];
                var dossier = Dossier(appel, o, territoires[o.CommuneCodeInsee!], intitule, demande, Instant(annee, 3, 10, 14));
                db.Add(dossier);
                await db.SaveChangesAsync(ct);
                Historique(db, DossiersService.TypeHistorique, dossier.Id,
                    [(EtatDossier.Brouillon, EtatDossier.EnConstruction, dossier.DeposeLe!.Value), (EtatDossier.EnConstruction, EtatDossier.EnInstruction, Instant(annee, 4, 8, 10))]);
                foreach (var (instructeur, note) in new[] { ("Ivan Instructeur", 4), ("Camille Chef de projet", accorde is null or 0 ? 2 : 5) })
                {
                    foreach (var critere in appel.Criteres)
                    {
                        db.Add(new Notation { DossierId = dossier.Id, CritereId = critere.Id, InstructeurId = $"demo-{instructeur}", InstructeurNom = instructeur, Note = Math.Min(note, critere.Echelle), ModifieLe = Instant(annee, 5, 20, 16) });
                    }
                }
                prets.Add((dossier, accorde));
            }
            await db.SaveChangesAsync(ct);
            // The committee decides through its service: grants committed on the envelope, all at once.
            var comites = services.GetRequiredService<ComiteService>();
            var comite = await comites.CreerComiteAsync(appel.Id, new DateOnly(annee, 6, 20), ct);
            if (comite is { Ok: true, Id: { } comiteId })
            {
                var choix = prets.Where(p => p.Accorde is not null)
                    .Select(p => new ComiteService.Choix(p.Dossier.Id, p.Accorde > 0, p.Accorde > 0 ? p.Accorde : null, p.Accorde > 0 ? null : "Le projet ne touche pas un public éloigné des droits : il n'est pas retenu cette année."))
                    .ToList();
                db.ChangeTracker.Clear();
                await comites.AppliquerAsync(comiteId, 0, choix, equipe, "", ct);
            }
            db.ChangeTracker.Clear();
        }

        await SuivreAsync(db, services, equipe, ct);

        // This year's call, open, and the demo applicant's draft.
        var courante = await db.Set<Allocation>().Where(a => a.ActionCode == AppelsService.ActionDuFonds).OrderByDescending(a => a.Credit!.Annee).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var ouvert = Appel($"Appel à projets {maintenant.Year} : agir contre les discriminations", maintenant.Year, maintenant.AddDays(-30), maintenant.AddDays(45), courante, StatutAppel.Publie);
        db.Add(ouvert);
        await db.SaveChangesAsync(ct);
        Historique(db, AppelsService.Workflow.Type, ouvert.Id, [(StatutAppel.Brouillon, StatutAppel.Publie, maintenant.AddDays(-31))]);
        db.Add(new Dossier
        {
            AppelId = ouvert.Id, OrganisationId = organisations[0].Id, Etat = EtatDossier.Brouillon, CreePar = "Paul Porteur (association)", CreeLe = maintenant.AddDays(-2),
            ModifieLe = maintenant.AddDays(-2), Intitule = "Parcours « Égalité » dans les collèges du 3e arrondissement", Communes = ["13055"], Criteres = ["origine", "lieu-residence"],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What followed each grant: with a convention or not, the share paid at signature, whether the report is in (null: terms not sent yet).</summary>
    private static readonly (string Intitule, bool AvecConvention, int? Part, bool? Rapport)[] Suivis =
    [
        ("Ateliers « Connaître ses droits » dans les centres sociaux", false, 80, true),
        // Paid, but its report never came: overdue, so the league cannot submit a new dossier.
        ("Testing des agences immobilières du Pays d'Aix", false, null, false),
        ("Forum emploi sans discrimination à Istres", false, null, true),
        ("Formation des agents d'accueil de Gardanne", true, 80, false),
        ("Permanences juridiques itinérantes", false, 80, null),
    ];

    /// <summary>
    /// The grants' follow-up through the service (terms, payments on the commitments), dated back to when it happened:
    /// notified or signed in July of the committee's year, paid then, reports submitted in the autumn after the project.
    /// </summary>
    private static async Task SuivreAsync(EgalisDbContext db, IServiceProvider services, ClaimsPrincipal equipe, CancellationToken ct)
    {
        var suivi = services.GetRequiredService<SuiviService>();
        foreach (var (intitule, avecConvention, part, rapport) in Suivis)
        {
            var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Budget).SingleOrDefaultAsync(d => d.Intitule == intitule && d.Etat == EtatDossier.Accepte, ct);
            if (dossier is null || !(await suivi.PreparerAsync(dossier.Id, 0, avecConvention, part, ct)).Ok || rapport is null)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            var annee = dossier.DateDebut!.Value.Year;
            db.ChangeTracker.Clear();
            var version = await db.Set<ConventionSubvention>().Where(c => c.DossierId == dossier.Id).Select(c => c.Version).SingleAsync(ct);
            await suivi.EnvoyerAsync(dossier.Id, version, equipe, "", ct);
            db.ChangeTracker.Clear();
            var etat = (await suivi.EtatAsync(dossier.Id, ct))!;
            var convention = await db.Set<ConventionSubvention>().SingleAsync(c => c.DossierId == dossier.Id, ct);
            convention.EnvoyeeLe = Instant(annee, 7, 3, 10);
            if (avecConvention)
            {
                // The signed copy is the convention sent, as the organisation would send it back.
                var octets = await suivi.DocumentAsync(etat, ct);
                var copie = new Platform.Files.StoredFile
                {
                    Id = Guid.NewGuid(), ProprietaireType = SuiviService.TypeFichiers, ProprietaireId = convention.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Nom = $"convention-signee-{dossier.Id}.pdf", TypeMime = "application/pdf", Taille = octets.LongLength,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(octets)), DeposePar = "Camille Chef de projet", DeposeLe = Instant(annee, 7, 16, 9),
                };
                db.Add(copie);
                db.Add(new Platform.Files.FileContent { FichierId = copie.Id, Octets = octets });
                convention.Statut = StatutConvention.Signee;
                convention.SigneeLe = new DateOnly(annee, 7, 15);
                convention.CopieSigneeId = copie.Id;
                convention.SignatureEnregistreePar = "Camille Chef de projet";
            }
            convention.VerifieeLe = Instant(annee, 7, 16, 14);
            convention.VerifieePar = "Camille Chef de projet";
            await db.SaveChangesAsync(ct);
            var versements = await db.Set<VersementSubvention>().AsNoTracking().Where(v => v.ConventionId == convention.Id).OrderBy(v => v.Rang).ToListAsync(ct);
            db.ChangeTracker.Clear();
            await suivi.VerserAsync(dossier.Id, versements[0].Id, new DateOnly(annee, 7, 20), $"Mandat {annee}-{dossier.Id:0000}", equipe, "", ct);
            if (rapport == true)
            {
                var cout = ReglesDossier.TotalCharges(dossier.Budget);
                db.Add(new CompteRenduFinancier
                {
                    DossierId = dossier.Id, Realisation = "Les actions prévues ont eu lieu de septembre à juin avec les partenaires du territoire ; deux séances ont été ajoutées à la demande des participants.",
                    PersonnesTouchees = 165, ResultatsEvaluation = "Neuf participants sur dix disent mieux connaître leurs droits et les recours possibles.",
                    SubventionRealisee = etat.Montant, Certification = true, DeposeLe = Instant(annee + 1, 10, 15, 11), DeposePar = $"Présidence de l'organisation",
                    ModifieLe = Instant(annee + 1, 10, 15, 11), Version = 2,
                    Lignes = [new() { Code = "64", Realise = cout }, new() { Code = "74-etat", Realise = cout - etat.Montant }],
                });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                if (versements.Count > 1)
                {
                    await suivi.VerserAsync(dossier.Id, versements[1].Id, new DateOnly(annee + 1, 11, 5), $"Mandat {annee + 1}-{dossier.Id:0000}", equipe, "", ct);
                }
            }
            db.ChangeTracker.Clear();
        }
    }

    private static DateTimeOffset Instant(int annee, int mois, int jour, int heure) =>
        Calendrier.Instant(new DateOnly(annee, mois, jour), new TimeOnly(heure, 0)).Instant!.Value;

    private static AppelAProjets Appel(string titre, int annee, DateTimeOffset ouverture, DateTimeOffset cloture, int? allocation, StatutAppel statut) => new()
    {
        Annee = annee, Titre = titre, Ouverture = ouverture, Cloture = cloture, AllocationId = allocation, Statut = statut, PublieLe = ouverture.AddDays(-5),
        Reglement = "Le fonds d'initiative soutient les projets des associations et des communes qui préviennent les discriminations ou aident celles et ceux qui en sont victimes.\n\nLes projets menés dans une commune sans plan local de lutte contre les discriminations sont prioritaires.",
        Territoires = [], PrioriteSansPlanLocal = true, MontantMaximum = 10_000m, PartMaximale = 80, NotesRequises = 2,
        Criteres =
        [
            new() { Rang = 1, Libelle = "Pertinence au regard des discriminations visées", Poids = 3, Echelle = 5 },
            new() { Rang = 2, Libelle = "Public touché, notamment dans les quartiers prioritaires", Poids = 2, Echelle = 5 },
            new() { Rang = 3, Libelle = "Caractère innovant", Poids = 2, Echelle = 5 },
            new() { Rang = 4, Libelle = "Solidité du budget et des partenariats", Poids = 1, Echelle = 5 },
        ],
    };

    private static Dossier Dossier(AppelAProjets appel, Organisation o, string territoire, string intitule, decimal demande, DateTimeOffset depose)
    {
        var cout = decimal.Round(demande / 0.75m, 0);
        return new Dossier
        {
            AppelId = appel.Id, OrganisationId = o.Id, Etat = EtatDossier.EnInstruction, CreePar = $"Présidence de {o.Nom}", CreeLe = depose.AddDays(-20), ModifieLe = depose, DeposeLe = depose,
            ConseilTerritoireCode = territoire, Intitule = intitule, Objectifs = "Faire connaître les droits et les recours, et faire reculer les pratiques discriminatoires.",
            Description = "Une série d'actions menées avec les partenaires du territoire, de septembre à juin.", PublicVise = "Habitants des quartiers prioritaires, jeunes et familles.",
            NombreBeneficiaires = 150, DateDebut = new DateOnly(appel.Annee, 9, 1), DateFin = new DateOnly(appel.Annee + 1, 6, 30), Communes = [o.CommuneCodeInsee!],
            Criteres = ["origine", "lieu-residence"], Domaines = ["emploi", "services-publics"], Moyens = "Deux animateurs salariés et dix bénévoles.",
            Evaluation = "Nombre de participants, questionnaires avant et après, saisines du Défenseur des droits.", MontantDemande = demande,
            Budget = [new() { Code = "64", Montant = cout }, new() { Code = "74-etat", Montant = cout - demande }],
            Attestation = true, EngagementRepublicain = o.Type == TypeOrganisation.Association, Iban = o.Iban, Bic = o.Bic, TitulaireCompte = o.TitulaireCompte,
        };
    }

    private static void Historique<TEtat>(EgalisDbContext db, string type, int id, IEnumerable<(TEtat De, TEtat Vers, DateTimeOffset Le)> etapes) where TEtat : struct, Enum
    {
        foreach (var (de, vers, le) in etapes)
        {
            db.Add(new WorkflowStep
            {
                Type = type, EnregistrementId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), De = de.ToString(), Vers = vers.ToString(),
                Par = vers.ToString() == nameof(EtatDossier.EnConstruction) ? "Présidence de l'organisation" : "Camille Chef de projet", Le = le,
            });
        }
    }
}
