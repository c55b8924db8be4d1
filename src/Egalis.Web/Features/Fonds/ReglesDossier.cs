using Egalis.Web.Features.Budget;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// What a dossier must hold before it is submitted, as pure functions: the CERFA 12156 budget (it balances, the amount
/// asked respects the call's ceiling and share), completeness, and eligibility to the call. Each refusal names the
/// field it is about, so that the page links to it.
/// </summary>
public static class ReglesDossier
{
    public const int TexteCourt = 1_000;
    public const int TexteMoyen = 4_000;
    public const int TexteLong = 8_000;

    public sealed record Poste(string Code, string Libelle);

    /// <summary>The project's charges, accounts 60 to 68 of the CERFA.</summary>
    public static readonly IReadOnlyList<Poste> Charges =
    [
        new("60", "60 – Achats"),
        new("61", "61 – Services extérieurs"),
        new("62", "62 – Autres services extérieurs"),
        new("63", "63 – Impôts et taxes"),
        new("64", "64 – Charges de personnel"),
        new("65", "65 – Autres charges de gestion courante"),
        new("66", "66 – Charges financières"),
        new("67", "67 – Charges exceptionnelles"),
        new("68", "68 – Dotation aux amortissements"),
    ];

    /// <summary>The project's resources, accounts 70 to 78, with the other public funders of account 74 one by one (the Métropole's amount is the amount asked).</summary>
    public static readonly IReadOnlyList<Poste> Produits =
    [
        new("70", "70 – Ventes de produits finis, prestations de services"),
        new("73", "73 – Dotations et produits de tarification"),
        new("74-etat", "74 – Subvention de l'État"),
        new("74-region", "74 – Subvention de la Région"),
        new("74-departement", "74 – Subvention du Département"),
        new("74-communes", "74 – Subventions des communes"),
        new("74-autres", "74 – Autres subventions (organismes sociaux, fonds européens…)"),
        new("75", "75 – Autres produits de gestion courante (cotisations, dons)"),
        new("76", "76 – Produits financiers"),
        new("77", "77 – Produits exceptionnels"),
        new("78", "78 – Reprises sur amortissements et provisions"),
    ];

    public static bool EstCharge(string code) => Charges.Any(p => p.Code == code);

    public static bool EstPoste(string code) => EstCharge(code) || Produits.Any(p => p.Code == code);

    public static decimal TotalCharges(IEnumerable<LigneBudgetDossier> lignes) => lignes.Where(l => EstCharge(l.Code)).Sum(l => l.Montant);

    public static decimal TotalProduits(IEnumerable<LigneBudgetDossier> lignes, decimal? montantDemande) =>
        lignes.Where(l => !EstCharge(l.Code) && EstPoste(l.Code)).Sum(l => l.Montant) + (montantDemande ?? 0);

    /// <summary>The share of the project's cost the Métropole is asked for, in percent (two decimals), or null without charges.</summary>
    public static decimal? Part(IEnumerable<LigneBudgetDossier> lignes, decimal? montantDemande)
    {
        var charges = TotalCharges(lignes);
        return charges <= 0 || montantDemande is null ? null : Math.Round(100m * montantDemande.Value / charges, 2);
    }

    /// <summary>The budget as it must be at submission: charges, a balance, an amount asked within the call's ceilings.</summary>
    public static List<(string Champ, string Message)> VerifierBudget(IReadOnlyCollection<LigneBudgetDossier> lignes, decimal? montantDemande, decimal? maximum, int? partMaximale)
    {
        var erreurs = new List<(string, string)>();
        var charges = TotalCharges(lignes);
        var produits = TotalProduits(lignes, montantDemande);
        if (montantDemande is not > 0)
        {
            erreurs.Add(("MontantDemande", "Indiquez le montant demandé à la Métropole."));
        }
        else if (maximum is { } plafond && montantDemande > plafond)
        {
            erreurs.Add(("MontantDemande", $"Le montant demandé dépasse le plafond de l'appel ({Euros.Format(plafond)})."));
        }
        if (charges <= 0)
        {
            erreurs.Add(("Budget", "Indiquez les charges du projet."));
        }
        else if (charges != produits)
        {
            erreurs.Add(("Budget", $"Le budget n'est pas équilibré : {Euros.Format(charges)} de charges pour {Euros.Format(produits)} de ressources (écart de {Euros.Format(Math.Abs(charges - produits))})."));
        }
        if (charges > 0 && montantDemande is > 0 && partMaximale is { } part && montantDemande.Value * 100 > charges * part)
        {
            erreurs.Add(("MontantDemande", $"Le montant demandé représente {Part(lignes, montantDemande)!.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} % du coût du projet : l'appel en finance {part} % au plus."));
        }
        return erreurs;
    }

    /// <summary>What the submission is checked against, read by the service.</summary>
    public sealed record Contexte(
        AppelAProjets Appel, Organisation Organisation, bool RepresentantDesigne, IReadOnlyCollection<TypePiece> PiecesValables,
        IReadOnlyDictionary<string, string> TerritoireDesCommunes, DateTimeOffset Maintenant)
    {
        /// <summary>The organisation's granted dossiers whose financial report is overdue.</summary>
        public IReadOnlyList<SuiviService.Retard> ComptesRendusEnRetard { get; init; } = [];
    }

    /// <summary>Everything missing or not allowed before submission, in the order of the form, each with its field.</summary>
    public static List<(string Champ, string Message)> AvantDepot(Dossier d, Contexte c)
    {
        var manques = new List<(string, string)>();
        var appel = c.Appel;
        // A correction asked for by an instructor is sent back whenever it is ready, the call closed or not.
        if (d.CorrectionDemandee is null && (appel.Statut != StatutAppel.Publie || !Calendrier.Ouvert(appel.Ouverture, appel.Cloture, c.Maintenant)))
        {
            manques.Add(("", c.Maintenant >= appel.Cloture ? $"L'appel est clos depuis le {Platform.Web.Paris.Display(appel.Cloture)} : il ne reçoit plus de dossier."
                : appel.Statut == StatutAppel.Clos ? "L'équipe du fonds a clos l'appel : il ne reçoit plus de dossier."
                : "L'appel n'est pas ouvert : le dossier ne peut pas être déposé."));
        }
        // A new dossier waits for the reports already due (a correction of a submitted one does not).
        if (d.Etat == EtatDossier.Brouillon)
        {
            foreach (var retard in c.ComptesRendusEnRetard)
            {
                manques.Add(($"CompteRendu:{retard.DossierId}", $"Le compte rendu financier du dossier « {retard.Intitule} » était attendu le {retard.Echeance:dd/MM/yyyy} : déposez-le depuis ce dossier, puis vous pourrez déposer celui-ci."));
            }
        }
        var organisation = c.Organisation;
        if (organisation.Type == TypeOrganisation.Association ? !appel.OuvertAuxAssociations : !appel.OuvertAuxCommunes)
        {
            manques.Add(("", organisation.Type == TypeOrganisation.Association ? "Cet appel n'est pas ouvert aux associations." : "Cet appel n'est pas ouvert aux communes."));
        }
        if (organisation.Iban is null || organisation.Bic is null)
        {
            manques.Add(("Organisation", "Renseignez les coordonnées bancaires de l'organisation (IBAN et BIC)."));
        }
        if (!c.RepresentantDesigne)
        {
            manques.Add(("Organisation", "Désignez le représentant légal de l'organisation."));
        }
        if (!c.PiecesValables.Contains(TypePiece.Rib))
        {
            manques.Add(("Organisation", "Joignez un relevé d'identité bancaire valable aux pièces de l'organisation."));
        }
        if (organisation.Type == TypeOrganisation.Association && !c.PiecesValables.Contains(TypePiece.Statuts))
        {
            manques.Add(("Organisation", "Joignez les statuts de l'association aux pièces de l'organisation."));
        }
        void Requis(string? valeur, string champ, string message)
        {
            if (string.IsNullOrWhiteSpace(valeur))
            {
                manques.Add((champ, message));
            }
        }
        Requis(d.Intitule, nameof(Dossier.Intitule), "Donnez un intitulé au projet.");
        Requis(d.Objectifs, nameof(Dossier.Objectifs), "Décrivez les objectifs du projet.");
        Requis(d.Description, nameof(Dossier.Description), "Décrivez le projet.");
        Requis(d.PublicVise, nameof(Dossier.PublicVise), "Décrivez le public visé.");
        if (d.NombreBeneficiaires is not > 0)
        {
            manques.Add((nameof(Dossier.NombreBeneficiaires), "Indiquez le nombre de personnes que le projet doit toucher."));
        }
        if (d.DateDebut is null || d.DateFin is null)
        {
            manques.Add((nameof(Dossier.DateDebut), "Indiquez les dates de début et de fin du projet."));
        }
        else if (d.DateFin < d.DateDebut)
        {
            manques.Add((nameof(Dossier.DateFin), "La fin du projet vient après son début."));
        }
        if (d.Communes.Count == 0)
        {
            manques.Add((nameof(Dossier.Communes), "Choisissez les communes où le projet se déroule."));
        }
        else if (appel.Territoires.Count > 0 && d.Communes.Any(code => !c.TerritoireDesCommunes.TryGetValue(code, out var t) || !appel.Territoires.Contains(t)))
        {
            manques.Add((nameof(Dossier.Communes), "Une commune choisie est hors des territoires de l'appel."));
        }
        if (d.Criteres.Count == 0)
        {
            manques.Add((nameof(Dossier.Criteres), "Choisissez au moins un critère de discrimination visé."));
        }
        if (d.Domaines.Count == 0)
        {
            manques.Add((nameof(Dossier.Domaines), "Choisissez au moins un domaine."));
        }
        Requis(d.Moyens, nameof(Dossier.Moyens), "Décrivez les moyens du projet.");
        Requis(d.Evaluation, nameof(Dossier.Evaluation), "Indiquez comment le projet sera évalué.");
        manques.AddRange(VerifierBudget(d.Budget, d.MontantDemande, appel.MontantMaximum, appel.PartMaximale));
        if (!d.Attestation)
        {
            manques.Add((nameof(Dossier.Attestation), "Cochez l'attestation sur l'honneur."));
        }
        if (organisation.Type == TypeOrganisation.Association && !d.EngagementRepublicain)
        {
            manques.Add((nameof(Dossier.EngagementRepublicain), "Une association souscrit le contrat d'engagement républicain : cochez-le."));
        }
        return manques;
    }

    /// <summary>The areas of life a project addresses (the plan's own words).</summary>
    public static readonly IReadOnlyList<Poste> DomainesPossibles =
    [
        new("emploi", "Emploi et insertion professionnelle"),
        new("logement", "Logement"),
        new("education", "Éducation et formation"),
        new("sante", "Santé"),
        new("services-publics", "Accès aux services publics et aux droits"),
        new("biens-services", "Accès aux biens et services privés"),
        new("sport-culture", "Sport, culture et loisirs"),
    ];
}
