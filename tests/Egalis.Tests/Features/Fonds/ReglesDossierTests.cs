using Egalis.Web.Features.Fonds;

namespace Egalis.Tests.Features.Fonds;

/// <summary>What a dossier must hold before submission: the CERFA budget, completeness, eligibility, the closing time.</summary>
public class ReglesDossierTests
{
    private static readonly DateTimeOffset Maintenant = DateTimeOffset.Parse("2026-03-29T09:59:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static AppelAProjets Appel() => new()
    {
        Titre = "Appel 2026", Statut = StatutAppel.Publie, Ouverture = DateTimeOffset.Parse("2026-01-05T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        // Noon in Paris on the day summer time begins: 10:00 UTC.
        Cloture = DateTimeOffset.Parse("2026-03-29T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        MontantMaximum = 15_000m, PartMaximale = 80, Territoires = ["CT1", "CT2"],
    };

    private static Organisation Association() => new()
    {
        Type = TypeOrganisation.Association, Nom = "Ancrages", Siret = "73282932000074", Adresse = "1 rue", CodePostal = "13001", Ville = "Marseille",
        Iban = "FR7630006000011234567890189", Bic = "AGRIFRPP",
    };

    private static List<LigneBudgetDossier> Lignes(params (string Code, decimal Montant)[] lignes) =>
        lignes.Select(l => new LigneBudgetDossier { Code = l.Code, Montant = l.Montant }).ToList();

    private static Dossier Complet() => new()
    {
        CreePar = "Inès", Intitule = "Ateliers", Objectifs = "Former", Description = "Six ateliers", PublicVise = "Jeunes", NombreBeneficiaires = 120,
        DateDebut = new DateOnly(2026, 9, 1), DateFin = new DateOnly(2027, 6, 30), Communes = ["13055", "13001"], Criteres = ["origine"], Domaines = ["emploi"],
        Moyens = "Deux animateurs", Evaluation = "Questionnaires", MontantDemande = 8_000m,
        Budget = Lignes(("60", 2_000m), ("64", 8_000m), ("74-etat", 2_000m)), Attestation = true, EngagementRepublicain = true,
    };

    private static ReglesDossier.Contexte Contexte(AppelAProjets? appel = null, Organisation? organisation = null, bool representant = true,
        TypePiece[]? pieces = null, DateTimeOffset? maintenant = null) =>
        new(appel ?? Appel(), organisation ?? Association(), representant, pieces ?? [TypePiece.Statuts, TypePiece.Rib],
            new Dictionary<string, string> { ["13055"] = "CT1", ["13001"] = "CT2", ["13056"] = "CT6" }, maintenant ?? Maintenant);

    [Fact]
    public void A_complete_dossier_has_nothing_missing()
    {
        Assert.Empty(ReglesDossier.AvantDepot(Complet(), Contexte()));
    }

    [Fact]
    public void An_empty_dossier_lists_everything_in_the_order_of_the_form()
    {
        Assert.Equal(
        [
            ("Organisation", "Désignez le représentant légal de l'organisation."),
            ("Organisation", "Joignez un relevé d'identité bancaire valable aux pièces de l'organisation."),
            ("Organisation", "Joignez les statuts de l'association aux pièces de l'organisation."),
            ("Intitule", "Donnez un intitulé au projet."),
            ("Objectifs", "Décrivez les objectifs du projet."),
            ("Description", "Décrivez le projet."),
            ("PublicVise", "Décrivez le public visé."),
            ("NombreBeneficiaires", "Indiquez le nombre de personnes que le projet doit toucher."),
            ("DateDebut", "Indiquez les dates de début et de fin du projet."),
            ("Communes", "Choisissez les communes où le projet se déroule."),
            ("Criteres", "Choisissez au moins un critère de discrimination visé."),
            ("Domaines", "Choisissez au moins un domaine."),
            ("Moyens", "Décrivez les moyens du projet."),
            ("Evaluation", "Indiquez comment le projet sera évalué."),
            ("MontantDemande", "Indiquez le montant demandé à la Métropole."),
            ("Budget", "Indiquez les charges du projet."),
            ("Attestation", "Cochez l'attestation sur l'honneur."),
            ("EngagementRepublicain", "Une association souscrit le contrat d'engagement républicain : cochez-le."),
        ], ReglesDossier.AvantDepot(new Dossier { CreePar = "Inès", NombreBeneficiaires = 0, MontantDemande = 0 }, Contexte(representant: false, pieces: [])));
    }

    [Fact]
    public void A_commune_needs_neither_statutes_nor_the_republican_contract_but_its_bank_details()
    {
        var commune = Association();
        commune.Type = TypeOrganisation.Commune;
        commune.Iban = null;
        var dossier = Complet();
        dossier.EngagementRepublicain = false;
        Assert.Equal([("Organisation", "Renseignez les coordonnées bancaires de l'organisation (IBAN et BIC).")],
            ReglesDossier.AvantDepot(dossier, Contexte(organisation: commune, pieces: [TypePiece.Rib])));
        commune.Iban = "FR7630006000011234567890189";
        commune.Bic = null;
        Assert.Single(ReglesDossier.AvantDepot(dossier, Contexte(organisation: commune, pieces: [TypePiece.Rib])));
    }

    [Fact]
    public void The_call_takes_dossiers_until_the_minute_before_its_closing_time_in_paris()
    {
        Assert.Empty(ReglesDossier.AvantDepot(Complet(), Contexte(maintenant: DateTimeOffset.Parse("2026-03-29T09:59:59Z", System.Globalization.CultureInfo.InvariantCulture))));
        var clos = ReglesDossier.AvantDepot(Complet(), Contexte(maintenant: DateTimeOffset.Parse("2026-03-29T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([("", "L'appel est clos depuis le 29/03/2026 à 12:00 : il ne reçoit plus de dossier.")], clos);
        var pasEncore = ReglesDossier.AvantDepot(Complet(), Contexte(maintenant: DateTimeOffset.Parse("2026-01-05T07:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([("", "L'appel n'est pas ouvert : le dossier ne peut pas être déposé.")], pasEncore);
        var appel = Appel();
        appel.Statut = StatutAppel.Clos;
        Assert.Equal([("", "L'équipe du fonds a clos l'appel : il ne reçoit plus de dossier.")], ReglesDossier.AvantDepot(Complet(), Contexte(appel)));
        // A correction asked for is sent back whenever it is ready, the call closed or not.
        var correction = Complet();
        correction.CorrectionDemandee = "Précisez le budget.";
        Assert.Empty(ReglesDossier.AvantDepot(correction, Contexte(appel)));
        Assert.Empty(ReglesDossier.AvantDepot(correction, Contexte(maintenant: DateTimeOffset.Parse("2026-06-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture))));
        appel.Statut = StatutAppel.Depublie;
        Assert.Equal([("", "L'appel n'est pas ouvert : le dossier ne peut pas être déposé.")], ReglesDossier.AvantDepot(Complet(), Contexte(appel)));
    }

    [Fact]
    public void Eligibility_follows_the_applicant_types_and_territories_of_the_call()
    {
        var appel = Appel();
        appel.OuvertAuxAssociations = false;
        Assert.Equal([("", "Cet appel n'est pas ouvert aux associations.")], ReglesDossier.AvantDepot(Complet(), Contexte(appel)));
        appel = Appel();
        appel.OuvertAuxCommunes = false;
        var commune = Association();
        commune.Type = TypeOrganisation.Commune;
        Assert.Equal([("", "Cet appel n'est pas ouvert aux communes.")], ReglesDossier.AvantDepot(Complet(), Contexte(appel, commune)));
        var ailleurs = Complet();
        ailleurs.Communes = ["13055", "13056"];
        Assert.Equal([("Communes", "Une commune choisie est hors des territoires de l'appel.")], ReglesDossier.AvantDepot(ailleurs, Contexte()));
        ailleurs.Communes = ["99999"];
        Assert.Equal([("Communes", "Une commune choisie est hors des territoires de l'appel.")], ReglesDossier.AvantDepot(ailleurs, Contexte()));
        // A call without territories takes the whole Métropole.
        appel = Appel();
        appel.Territoires = [];
        ailleurs.Communes = ["13056"];
        Assert.Empty(ReglesDossier.AvantDepot(ailleurs, Contexte(appel)));
    }

    [Fact]
    public void The_end_of_the_project_comes_after_its_start()
    {
        var dossier = Complet();
        dossier.DateFin = new DateOnly(2026, 8, 31);
        Assert.Equal([("DateFin", "La fin du projet vient après son début.")], ReglesDossier.AvantDepot(dossier, Contexte()));
        dossier.DateFin = dossier.DateDebut;
        Assert.Empty(ReglesDossier.AvantDepot(dossier, Contexte()));
        dossier.DateFin = null;
        Assert.Equal([("DateDebut", "Indiquez les dates de début et de fin du projet.")], ReglesDossier.AvantDepot(dossier, Contexte()));
    }

    [Fact]
    public void The_budget_balances_to_the_cent()
    {
        var lignes = Lignes(("60", 2_000m), ("64", 8_000m), ("74-etat", 2_000m));
        Assert.Equal(10_000m, ReglesDossier.TotalCharges(lignes));
        Assert.Equal(10_000m, ReglesDossier.TotalProduits(lignes, 8_000m));
        Assert.Empty(ReglesDossier.VerifierBudget(lignes, 8_000m, null, null));
        Assert.Equal([("Budget", "Le budget n'est pas équilibré : 10\u202F000,00 € de charges pour 10\u202F000,01 € de ressources (écart de 0,01 €).")],
            ReglesDossier.VerifierBudget(lignes, 8_000.01m, null, null));
        Assert.Equal([("Budget", "Le budget n'est pas équilibré : 10\u202F000,00 € de charges pour 9\u202F500,00 € de ressources (écart de 500,00 €).")],
            ReglesDossier.VerifierBudget(lignes, 7_500m, null, null));
        // An unknown code counts for nothing.
        Assert.Equal(10_000m, ReglesDossier.TotalProduits(Lignes(("60", 2_000m), ("64", 8_000m), ("74-etat", 2_000m), ("99", 5m)), 8_000m));
    }

    [Fact]
    public void The_amount_asked_stays_within_the_ceiling_and_the_share_of_the_cost()
    {
        var lignes = Lignes(("64", 10_000m), ("74-etat", 2_000m));
        // 8 000 € of 10 000 €: exactly 80 %, allowed.
        Assert.Empty(ReglesDossier.VerifierBudget(lignes, 8_000m, 15_000m, 80));
        Assert.Equal(80m, ReglesDossier.Part(lignes, 8_000m));
        var plus = Lignes(("64", 10_000m), ("74-etat", 1_999.99m));
        Assert.Equal([("MontantDemande", "Le montant demandé représente 80 % du coût du projet : l'appel en finance 80 % au plus.")],
            ReglesDossier.VerifierBudget(plus, 8_000.01m, 15_000m, 80));
        Assert.Equal([("MontantDemande", "Le montant demandé dépasse le plafond de l'appel (7\u202F999,99 €).")],
            ReglesDossier.VerifierBudget(lignes, 8_000m, 7_999.99m, null));
        Assert.Empty(ReglesDossier.VerifierBudget(lignes, 8_000m, 8_000m, null));
        var moitie = Lignes(("64", 10_000m), ("74-etat", 5_000m));
        Assert.Equal([("MontantDemande", "Le montant demandé représente 50 % du coût du projet : l'appel en finance 49 % au plus.")],
            ReglesDossier.VerifierBudget(moitie, 5_000m, null, 49));
        Assert.Null(ReglesDossier.Part([], 5_000m));
        Assert.Null(ReglesDossier.Part(moitie, null));
        Assert.Equal(33.33m, ReglesDossier.Part(Lignes(("64", 3_000m)), 1_000m));
    }

    [Fact]
    public void A_budget_without_charges_or_amount_says_so()
    {
        Assert.Equal([("MontantDemande", "Indiquez le montant demandé à la Métropole."), ("Budget", "Indiquez les charges du projet.")],
            ReglesDossier.VerifierBudget([], null, 15_000m, 80));
        Assert.Equal([("MontantDemande", "Indiquez le montant demandé à la Métropole."), ("Budget", "Le budget n'est pas équilibré : 1\u202F000,00 € de charges pour 0,00 € de ressources (écart de 1\u202F000,00 €).")],
            ReglesDossier.VerifierBudget(Lignes(("60", 1_000m)), 0m, 15_000m, 80));
        Assert.True(ReglesDossier.EstCharge("68"));
        Assert.False(ReglesDossier.EstCharge("70"));
        Assert.True(ReglesDossier.EstPoste("74-communes"));
        Assert.False(ReglesDossier.EstPoste("74"));
    }

    [Fact]
    public void The_share_is_checked_only_against_charges_and_says_its_decimals()
    {
        Assert.Equal([("Budget", "Indiquez les charges du projet.")], ReglesDossier.VerifierBudget([], 5_000m, null, 80));
        Assert.Equal([("MontantDemande", "Le montant demandé représente 33,33 % du coût du projet : l'appel en finance 30 % au plus.")],
            ReglesDossier.VerifierBudget(Lignes(("64", 3_000m), ("74-etat", 2_000m)), 1_000m, null, 30));
    }

    [Fact]
    public void The_budget_accounts_and_domains_are_those_of_the_cerfa_and_the_plan()
    {
        Assert.Equal(
            "60=60 – Achats|61=61 – Services extérieurs|62=62 – Autres services extérieurs|63=63 – Impôts et taxes|64=64 – Charges de personnel|"
            + "65=65 – Autres charges de gestion courante|66=66 – Charges financières|67=67 – Charges exceptionnelles|68=68 – Dotation aux amortissements",
            string.Join('|', ReglesDossier.Charges.Select(p => $"{p.Code}={p.Libelle}")));
        Assert.Equal(
            "70=70 – Ventes de produits finis, prestations de services|73=73 – Dotations et produits de tarification|74-etat=74 – Subvention de l'État|"
            + "74-region=74 – Subvention de la Région|74-departement=74 – Subvention du Département|74-communes=74 – Subventions des communes|"
            + "74-autres=74 – Autres subventions (organismes sociaux, fonds européens…)|75=75 – Autres produits de gestion courante (cotisations, dons)|"
            + "76=76 – Produits financiers|77=77 – Produits exceptionnels|78=78 – Reprises sur amortissements et provisions",
            string.Join('|', ReglesDossier.Produits.Select(p => $"{p.Code}={p.Libelle}")));
        Assert.Equal(
            "emploi=Emploi et insertion professionnelle|logement=Logement|education=Éducation et formation|sante=Santé|"
            + "services-publics=Accès aux services publics et aux droits|biens-services=Accès aux biens et services privés|sport-culture=Sport, culture et loisirs",
            string.Join('|', ReglesDossier.DomainesPossibles.Select(p => $"{p.Code}={p.Libelle}")));
    }

    [Fact]
    public void An_organisation_with_an_overdue_report_cannot_submit_a_new_dossier_but_can_send_a_correction()
    {
        var contexte = Contexte() with { ComptesRendusEnRetard = [new SuiviService.Retard(7, "Ateliers 2024", new DateOnly(2025, 12, 30))] };
        Assert.Equal([("CompteRendu:7", "Le compte rendu financier du dossier « Ateliers 2024 » était attendu le 30/12/2025 : déposez-le depuis ce dossier, puis vous pourrez déposer celui-ci.")],
            ReglesDossier.AvantDepot(Complet(), contexte));
        var depose = Complet();
        depose.Etat = EtatDossier.EnConstruction;
        depose.CorrectionDemandee = "Préciser le public.";
        Assert.Empty(ReglesDossier.AvantDepot(depose, contexte));
    }
}
