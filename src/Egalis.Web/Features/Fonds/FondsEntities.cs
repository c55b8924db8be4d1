using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Fonds;

/// <summary>A call for projects' life, as Démarches Simplifiées names a procedure's (brouillon, publiée, close, dépubliée).</summary>
public enum StatutAppel
{
    Brouillon,
    Publie,
    Clos,
    Depublie,
}

/// <summary>
/// A call for projects of the initiative fund: its rules, its dates (instants, entered and shown in Paris time), its
/// envelope (a Budget allocation of the fund's action), who may apply and how dossiers are scored. Once published, the
/// rules a dossier is judged on (eligibility, grid, envelope) are fixed: changing them would change the game for
/// those who already applied.
/// </summary>
public class AppelAProjets : ITerritorialRecord
{
    public int Id { get; set; }
    public int Annee { get; set; }
    public required string Titre { get; set; }
    public string? Reglement { get; set; }
    public DateTimeOffset Ouverture { get; set; }
    public DateTimeOffset Cloture { get; set; }
    /// <summary>The envelope: the allocation of the fund's action (2.5) on a year's credits.</summary>
    public int? AllocationId { get; set; }
    public bool OuvertAuxAssociations { get; set; } = true;
    public bool OuvertAuxCommunes { get; set; } = true;
    /// <summary>Codes of the conseils de territoire where projects may take place; none: the whole Métropole.</summary>
    public List<string> Territoires { get; set; } = [];
    /// <summary>Communes without a local plan come first (the founding text's aim).</summary>
    public bool PrioriteSansPlanLocal { get; set; } = true;
    public decimal? MontantMaximum { get; set; }
    /// <summary>The largest share of the project's cost the fund pays, in percent (80: at most 80 %).</summary>
    public int? PartMaximale { get; set; }
    /// <summary>How many instructors must have scored a dossier before it can go to committee.</summary>
    public int NotesRequises { get; set; } = 2;
    public StatutAppel Statut { get; set; }
    /// <summary>Set at the first publication: from then on the rules are fixed.</summary>
    public DateTimeOffset? PublieLe { get; set; }
    public int Version { get; set; }
    public List<CritereNotation> Criteres { get; set; } = [];

    // A call is the Métropole's: only people whose role has no territorial scope manage it.
    string? ITerritorialRecord.ConseilTerritoireCode => null;
    string? ITerritorialRecord.CommuneCodeInsee => null;
}

/// <summary>One line of a call's scoring grid: a criterion, its weight, and the highest score (scores go from 0 to it).</summary>
public class CritereNotation
{
    public int Id { get; set; }
    public int AppelId { get; set; }
    public int Rang { get; set; }
    public required string Libelle { get; set; }
    public int Poids { get; set; }
    public int Echelle { get; set; }
}

/// <summary>A commune with its own local plan against discrimination (reference data the team keeps up to date).</summary>
public class CommunePlanLocal
{
    public required string CommuneCodeInsee { get; set; }
    /// <summary>Where this is known from (a deliberation, a local plan's adoption).</summary>
    public required string Source { get; set; }
}

public class AppelAProjetsConfiguration : IEntityTypeConfiguration<AppelAProjets>
{
    public void Configure(EntityTypeBuilder<AppelAProjets> b)
    {
        b.ToTable("AppelsAProjets");
        b.Property(a => a.Titre).HasMaxLength(AppelsService.LongueurTitre);
        b.Property(a => a.Reglement).HasMaxLength(AppelsService.LongueurReglement);
        b.Property(a => a.Statut).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.MontantMaximum).HasPrecision(14, 2);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.Annee, a.Titre }).IsUnique();
        b.HasIndex(a => a.Statut);
        b.HasOne<Budget.Allocation>().WithMany().HasForeignKey(a => a.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Criteres).WithOne().HasForeignKey(c => c.AppelId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CritereNotationConfiguration : IEntityTypeConfiguration<CritereNotation>
{
    public void Configure(EntityTypeBuilder<CritereNotation> b)
    {
        b.ToTable("CriteresNotation");
        b.Property(c => c.Libelle).HasMaxLength(200);
        b.HasIndex(c => new { c.AppelId, c.Rang }).IsUnique();
    }
}

public class CommunePlanLocalConfiguration : IEntityTypeConfiguration<CommunePlanLocal>
{
    public void Configure(EntityTypeBuilder<CommunePlanLocal> b)
    {
        b.ToTable("CommunesPlanLocal");
        b.HasKey(c => c.CommuneCodeInsee);
        b.Property(c => c.CommuneCodeInsee).HasMaxLength(5);
        b.Property(c => c.Source).HasMaxLength(300);
        b.HasOne<Territoires.Commune>().WithMany().HasForeignKey(c => c.CommuneCodeInsee).OnDelete(DeleteBehavior.Cascade);
    }
}

public enum TypeOrganisation
{
    Association,
    Commune,
}

/// <summary>
/// An applicant organisation: an association (SIRET, RNA) or a commune (SIRET). Its members act for it; one of them is
/// its legal representative (who signs). Its bank details and supporting documents serve all its dossiers.
/// </summary>
public class Organisation : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public TypeOrganisation Type { get; set; }
    public required string Nom { get; set; }
    public required string Siret { get; set; }
    public string? Rna { get; set; }
    /// <summary>For a commune: which one. For an association: the commune of its seat, when it is in the Métropole.</summary>
    public string? CommuneCodeInsee { get; set; }
    public required string Adresse { get; set; }
    public required string CodePostal { get; set; }
    public required string Ville { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? TitulaireCompte { get; set; }
    public DateTimeOffset CreeLe { get; set; }
    public int Version { get; set; }
}

/// <summary>A person acting for an organisation: an administrator invites and removes members; the legal representative signs.</summary>
public class MembreOrganisation : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string UtilisateurId { get; set; }
    public bool Administrateur { get; set; }
    public bool RepresentantLegal { get; set; }
    /// <summary>The representative's title (« Présidente », « Maire »), shown on the dossiers.</summary>
    public string? Qualite { get; set; }
    public DateTimeOffset DepuisLe { get; set; }
}

/// <summary>An invitation to join an organisation, e-mailed as a link; only a hash of its token is kept.</summary>
public class InvitationOrganisation : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Email { get; set; }
    public required string JetonHache { get; set; }
    public bool Administrateur { get; set; }
    public required string InvitePar { get; set; }
    public DateTimeOffset ExpireLe { get; set; }
}

public enum TypePiece
{
    Statuts,
    Rib,
    Comptes,
    RapportActivite,
    Budget,
    Autre,
}

/// <summary>A supporting document kept on the organisation and reused by its dossiers, with the date it is valid until.</summary>
public class PieceOrganisation : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public TypePiece Type { get; set; }
    public Guid FichierId { get; set; }
    public DateOnly? ValableJusquAu { get; set; }
}

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Nom).HasMaxLength(OrganisationsService.LongueurNom);
        b.Property(o => o.Siret).HasMaxLength(14);
        b.HasIndex(o => o.Siret).IsUnique();
        b.Property(o => o.Rna).HasMaxLength(10);
        b.Property(o => o.CommuneCodeInsee).HasMaxLength(5);
        b.Property(o => o.Adresse).HasMaxLength(300);
        b.Property(o => o.CodePostal).HasMaxLength(5);
        b.Property(o => o.Ville).HasMaxLength(100);
        b.Property(o => o.Iban).HasMaxLength(34);
        b.Property(o => o.Bic).HasMaxLength(11);
        b.Property(o => o.TitulaireCompte).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Territoires.Commune>().WithMany().HasForeignKey(o => o.CommuneCodeInsee).OnDelete(DeleteBehavior.Restrict);
    }
}

public class MembreOrganisationConfiguration : IEntityTypeConfiguration<MembreOrganisation>
{
    public void Configure(EntityTypeBuilder<MembreOrganisation> b)
    {
        b.ToTable("MembresOrganisation");
        b.HasIndex(m => new { m.OrganisationId, m.UtilisateurId }).IsUnique();
        b.HasIndex(m => m.UtilisateurId);
        b.Property(m => m.UtilisateurId).HasMaxLength(450);
        b.Property(m => m.Qualite).HasMaxLength(100);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(m => m.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class InvitationOrganisationConfiguration : IEntityTypeConfiguration<InvitationOrganisation>
{
    public void Configure(EntityTypeBuilder<InvitationOrganisation> b)
    {
        b.ToTable("InvitationsOrganisation");
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.JetonHache).HasMaxLength(64);
        b.HasIndex(i => i.JetonHache).IsUnique();
        b.Property(i => i.InvitePar).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PieceOrganisationConfiguration : IEntityTypeConfiguration<PieceOrganisation>
{
    public void Configure(EntityTypeBuilder<PieceOrganisation> b)
    {
        b.ToTable("PiecesOrganisation");
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => new { p.OrganisationId, p.Type });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(p => p.FichierId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A dossier's life, exactly Démarches Simplifiées' (brouillon, en construction, en instruction, accepté, refusé, sans suite).</summary>
public enum EtatDossier
{
    Brouillon,
    EnConstruction,
    EnInstruction,
    Accepte,
    Refuse,
    SansSuite,
}

/// <summary>
/// An application to a call, in the structure of CERFA 12156*06: the organisation and its representative (from the
/// organisation), its human resources, the project, its budget, the sworn statement. The applicant edits it while it is
/// a draft or « en construction »; then it is read-only for them.
/// </summary>
public class Dossier : ITerritorialRecord, Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int AppelId { get; set; }
    public int OrganisationId { get; set; }
    public EtatDossier Etat { get; set; }
    public required string CreePar { get; set; }
    public DateTimeOffset CreeLe { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
    public DateTimeOffset? DeposeLe { get; set; }
    /// <summary>Set when an instructor asks for a correction; cleared when the applicant sends it.</summary>
    public string? CorrectionDemandee { get; set; }
    /// <summary>The conseil de territoire of the project's first commune: who instructs it.</summary>
    public string? ConseilTerritoireCode { get; set; }

    // Relations with the administration and human resources (CERFA 12156, parts 3 and 4).
    public string? Agrements { get; set; }
    public int? Salaries { get; set; }
    public decimal? Etp { get; set; }
    public int? Benevoles { get; set; }

    // The project (part 6).
    public string? Intitule { get; set; }
    public string? Objectifs { get; set; }
    public string? Description { get; set; }
    public string? PublicVise { get; set; }
    public int? NombreBeneficiaires { get; set; }
    public DateOnly? DateDebut { get; set; }
    public DateOnly? DateFin { get; set; }
    public List<string> Communes { get; set; } = [];
    public List<string> Qpv { get; set; } = [];
    public List<string> Criteres { get; set; } = [];
    public List<string> Domaines { get; set; } = [];
    public string? Moyens { get; set; }
    public string? Evaluation { get; set; }

    // The project's budget (part 6, « budget du projet »): the amount asked of the Métropole, and the other lines.
    public decimal? MontantDemande { get; set; }
    public List<LigneBudgetDossier> Budget { get; set; } = [];

    // The sworn statement (part 7) and the contrat d'engagement républicain.
    public bool Attestation { get; set; }
    public bool EngagementRepublicain { get; set; }

    /// <summary>The bank details as they were at submission: what is paid, whatever the organisation's page says later.</summary>
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? TitulaireCompte { get; set; }

    /// <summary>The instructor who follows the dossier (« à moi » in the list), if any.</summary>
    public string? SuiviParId { get; set; }
    public string? SuiviPar { get; set; }

    /// <summary>When the members were reminded that the financial report is due, and told it is overdue (once each).</summary>
    public DateOnly? CompteRenduRappeleLe { get; set; }
    public DateOnly? CompteRenduRetardSignaleLe { get; set; }

    public int Version { get; set; }

    string? ITerritorialRecord.CommuneCodeInsee => null;
}

/// <summary>One line of a project's budget: an account of the CERFA (60 to 68, 70 to 78) and its amount.</summary>
public class LigneBudgetDossier : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public required string Code { get; set; }
    public decimal Montant { get; set; }
}

public class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.ToTable("Dossiers");
        b.Property(d => d.Etat).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.CreePar).HasMaxLength(200);
        b.Property(d => d.CorrectionDemandee).HasMaxLength(2000);
        b.Property(d => d.ConseilTerritoireCode).HasMaxLength(10);
        b.Property(d => d.Agrements).HasMaxLength(ReglesDossier.TexteCourt);
        b.Property(d => d.Etp).HasPrecision(8, 2);
        b.Property(d => d.Intitule).HasMaxLength(200);
        foreach (var texte in new[] { nameof(Dossier.Objectifs), nameof(Dossier.PublicVise), nameof(Dossier.Moyens), nameof(Dossier.Evaluation) })
        {
            b.Property(texte).HasMaxLength(ReglesDossier.TexteMoyen);
        }
        b.Property(d => d.Description).HasMaxLength(ReglesDossier.TexteLong);
        b.Property(d => d.MontantDemande).HasPrecision(14, 2);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.AppelId, d.Etat });
        // One dossier per organisation and call: a double click starts one draft, not two.
        b.HasIndex(d => new { d.OrganisationId, d.AppelId }).IsUnique();
        b.Property(d => d.Iban).HasMaxLength(34);
        b.Property(d => d.Bic).HasMaxLength(11);
        b.Property(d => d.TitulaireCompte).HasMaxLength(200);
        b.Property(d => d.SuiviParId).HasMaxLength(450);
        b.Property(d => d.SuiviPar).HasMaxLength(200);
        b.HasIndex(d => d.SuiviParId);
        b.HasOne<AppelAProjets>().WithMany().HasForeignKey(d => d.AppelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Budget).WithOne().HasForeignKey(l => l.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LigneBudgetDossierConfiguration : IEntityTypeConfiguration<LigneBudgetDossier>
{
    public void Configure(EntityTypeBuilder<LigneBudgetDossier> b)
    {
        b.ToTable("LignesBudgetDossier");
        b.Property(l => l.Code).HasMaxLength(10);
        b.Property(l => l.Montant).HasPrecision(14, 2);
        b.HasIndex(l => new { l.DossierId, l.Code }).IsUnique();
    }
}

/// <summary>One instructor's score of a dossier on one criterion of its call's grid.</summary>
public class Notation : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public int CritereId { get; set; }
    public required string InstructeurId { get; set; }
    public required string InstructeurNom { get; set; }
    public int Note { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
}

public enum StatutComite
{
    Preparation,
    Tenu,
}

/// <summary>A selection committee of a call: it decides on the dossiers ready, and its decisions commit the money.</summary>
public class Comite
{
    public int Id { get; set; }
    public int AppelId { get; set; }
    /// <summary>The day it sits: the date of the commitments it makes (within the envelope's budget year).</summary>
    public DateOnly Date { get; set; }
    public StatutComite Statut { get; set; }
    public DateTimeOffset? TenuLe { get; set; }
    public string? TenuPar { get; set; }
    public int Version { get; set; }
}

/// <summary>What a committee decided on a dossier: granted (with the amount and its Budget commitment) or refused (with the reason).</summary>
public class DecisionComite
{
    public int Id { get; set; }
    public int ComiteId { get; set; }
    public int DossierId { get; set; }
    public bool Accorde { get; set; }
    public decimal? Montant { get; set; }
    public string? Motif { get; set; }
    public int? EngagementId { get; set; }
    /// <summary>The beneficiary and object as they were at the decision: what the open data publishes.</summary>
    public string? NomBeneficiaire { get; set; }
    public string? SiretBeneficiaire { get; set; }
    public string? RnaBeneficiaire { get; set; }
    public string? Objet { get; set; }
}

public class NotationConfiguration : IEntityTypeConfiguration<Notation>
{
    public void Configure(EntityTypeBuilder<Notation> b)
    {
        b.ToTable("Notations");
        b.Property(n => n.InstructeurId).HasMaxLength(450);
        b.Property(n => n.InstructeurNom).HasMaxLength(200);
        b.HasIndex(n => new { n.DossierId, n.CritereId, n.InstructeurId }).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(n => n.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CritereNotation>().WithMany().HasForeignKey(n => n.CritereId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ComiteConfiguration : IEntityTypeConfiguration<Comite>
{
    public void Configure(EntityTypeBuilder<Comite> b)
    {
        b.ToTable("Comites");
        b.Property(c => c.Statut).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.TenuPar).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.AppelId, c.Date });
        b.HasOne<AppelAProjets>().WithMany().HasForeignKey(c => c.AppelId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DecisionComiteConfiguration : IEntityTypeConfiguration<DecisionComite>
{
    public void Configure(EntityTypeBuilder<DecisionComite> b)
    {
        b.ToTable("DecisionsComite");
        b.Property(d => d.Montant).HasPrecision(14, 2);
        b.Property(d => d.Motif).HasMaxLength(2000);
        b.Property(d => d.NomBeneficiaire).HasMaxLength(OrganisationsService.LongueurNom);
        b.Property(d => d.SiretBeneficiaire).HasMaxLength(14);
        b.Property(d => d.RnaBeneficiaire).HasMaxLength(10);
        b.Property(d => d.Objet).HasMaxLength(200);
        b.HasIndex(d => new { d.ComiteId, d.DossierId }).IsUnique();
        b.HasIndex(d => d.DossierId);
        b.HasOne<Comite>().WithMany().HasForeignKey(d => d.ComiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Budget.Engagement>().WithMany().HasForeignKey(d => d.EngagementId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Where the terms of a grant stand: drafted, sent to the organisation as a convention, signed, or notified without a convention.</summary>
public enum StatutConvention
{
    Projet,
    Envoyee,
    Signee,
    Notifiee,
}

/// <summary>
/// The terms of a grant (one per granted decision): its payment schedule, the report's due date, and its convention
/// when there is one (required above the yearly threshold, chosen below it). Once sent (or notified), the terms no
/// longer change; once signed, the convention is final.
/// </summary>
public class ConventionSubvention
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    /// <summary>The grant: its amount is the decision's, which does not change (reopening it removes these terms).</summary>
    public int DecisionId { get; set; }
    public bool AvecConvention { get; set; }
    /// <summary>Percent paid at signature, the balance after the report; null: one payment.</summary>
    public int? PremierePart { get; set; }
    public StatutConvention Statut { get; set; }
    public DateTimeOffset? EnvoyeeLe { get; set; }
    public string? EnvoyeePar { get; set; }
    public DateOnly? SigneeLe { get; set; }
    public Guid? CopieSigneeId { get; set; }
    public string? SignatureEnregistreePar { get; set; }
    /// <summary>
    /// When the team checked, before any payment, that the organisation is who it says (SIRET, legal representative)
    /// and that the bank details copied at submission are its own (the RIB in its name): anyone may register an
    /// organisation online.
    /// </summary>
    public DateTimeOffset? VerifieeLe { get; set; }
    public string? VerifieePar { get; set; }
    /// <summary>The PDF as it was sent: the organisation downloads (and signs) exactly this.</summary>
    public Guid? DocumentEnvoyeId { get; set; }
    public int Version { get; set; }
}

/// <summary>One instalment of a grant, and its Budget payment once paid.</summary>
public class VersementSubvention
{
    public int Id { get; set; }
    public int ConventionId { get; set; }
    public int Rang { get; set; }
    public decimal Montant { get; set; }
    public bool ApresCompteRendu { get; set; }
    public int? MandatementId { get; set; }
    public DateOnly? VerseLe { get; set; }
    public string? Reference { get; set; }
    public string? VersePar { get; set; }
}

/// <summary>
/// The financial report of a granted project, in the CERFA 15059 structure: what was done, the actual amount of each
/// line beside its forecast, the gaps explained, and the legal representative's certification. Submitted, it is final.
/// </summary>
public class CompteRenduFinancier : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public string? Realisation { get; set; }
    public int? PersonnesTouchees { get; set; }
    public string? ResultatsEvaluation { get; set; }
    public string? ExplicationEcarts { get; set; }
    public string? Observations { get; set; }
    /// <summary>The Métropole's subsidy as actually received and used.</summary>
    public decimal? SubventionRealisee { get; set; }
    public List<LigneCompteRendu> Lignes { get; set; } = [];
    public bool Certification { get; set; }
    public DateTimeOffset? DeposeLe { get; set; }
    public string? DeposePar { get; set; }
    public DateTimeOffset ModifieLe { get; set; }
    public int Version { get; set; }
}

/// <summary>The actual amount of one CERFA line in a financial report.</summary>
public class LigneCompteRendu : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int CompteRenduId { get; set; }
    public required string Code { get; set; }
    public decimal Realise { get; set; }
}

public class ConventionSubventionConfiguration : IEntityTypeConfiguration<ConventionSubvention>
{
    public void Configure(EntityTypeBuilder<ConventionSubvention> b)
    {
        b.ToTable("ConventionsSubvention");
        b.Property(c => c.Statut).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.EnvoyeePar).HasMaxLength(200);
        b.Property(c => c.SignatureEnregistreePar).HasMaxLength(200);
        b.Property(c => c.VerifieePar).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        // One set of terms per grant: two clicks on « préparer » make one.
        b.HasIndex(c => c.DecisionId).IsUnique();
        b.HasIndex(c => c.DossierId);
        b.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DecisionComite>().WithMany().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(c => c.CopieSigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(c => c.DocumentEnvoyeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class VersementSubventionConfiguration : IEntityTypeConfiguration<VersementSubvention>
{
    public void Configure(EntityTypeBuilder<VersementSubvention> b)
    {
        b.ToTable("VersementsSubvention");
        b.Property(v => v.Montant).HasPrecision(14, 2);
        b.Property(v => v.Reference).HasMaxLength(100);
        b.Property(v => v.VersePar).HasMaxLength(200);
        b.HasIndex(v => new { v.ConventionId, v.Rang }).IsUnique();
        // A Budget payment pays one instalment.
        b.HasIndex(v => v.MandatementId).IsUnique();
        b.HasOne<ConventionSubvention>().WithMany().HasForeignKey(v => v.ConventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Budget.Mandatement>().WithMany().HasForeignKey(v => v.MandatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CompteRenduFinancierConfiguration : IEntityTypeConfiguration<CompteRenduFinancier>
{
    public void Configure(EntityTypeBuilder<CompteRenduFinancier> b)
    {
        b.ToTable("ComptesRendusFinanciers");
        b.Property(c => c.Realisation).HasMaxLength(ReglesDossier.TexteLong);
        b.Property(c => c.ResultatsEvaluation).HasMaxLength(ReglesDossier.TexteMoyen);
        b.Property(c => c.ExplicationEcarts).HasMaxLength(ReglesDossier.TexteMoyen);
        b.Property(c => c.Observations).HasMaxLength(ReglesDossier.TexteMoyen);
        b.Property(c => c.SubventionRealisee).HasPrecision(14, 2);
        b.Property(c => c.DeposePar).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.DossierId).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lignes).WithOne().HasForeignKey(l => l.CompteRenduId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LigneCompteRenduConfiguration : IEntityTypeConfiguration<LigneCompteRendu>
{
    public void Configure(EntityTypeBuilder<LigneCompteRendu> b)
    {
        b.ToTable("LignesCompteRendu");
        b.Property(l => l.Code).HasMaxLength(10);
        b.Property(l => l.Realise).HasPrecision(14, 2);
        b.HasIndex(l => new { l.CompteRenduId, l.Code }).IsUnique();
    }
}

/// <summary>A private note of the instructors on a dossier: never shown to the applicant.</summary>
public class AnnotationDossier : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public required string AuteurId { get; set; }
    public required string Auteur { get; set; }
    public required string Texte { get; set; }
    public DateTimeOffset Le { get; set; }
    /// <summary>The token of the form it was sent from: the same form sent twice (a double click) records it once.</summary>
    public Guid? Jeton { get; set; }
}

/// <summary>A message between the fund's team and the applicant organisation about a dossier, with an optional attachment.</summary>
public class MessageDossier : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    /// <summary>Written by an instructor or the team (true), or by a member of the organisation.</summary>
    public bool DeLEquipe { get; set; }
    public required string AuteurId { get; set; }
    public required string Auteur { get; set; }
    public required string Texte { get; set; }
    public Guid? FichierId { get; set; }
    public DateTimeOffset Le { get; set; }
    /// <summary>The token of the form it was sent from: the same form sent twice (a double click) records it once.</summary>
    public Guid? Jeton { get; set; }
}

/// <summary>A label the instructors put on dossiers to sort their work (« à revoir », « QPV prioritaire »).</summary>
public class EtiquetteFonds : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public required string Nom { get; set; }
}

public class EtiquetteDossier : Platform.Caching.INotShownPublicly
{
    public int DossierId { get; set; }
    public int EtiquetteId { get; set; }
}

public class AnnotationDossierConfiguration : IEntityTypeConfiguration<AnnotationDossier>
{
    public void Configure(EntityTypeBuilder<AnnotationDossier> b)
    {
        b.ToTable("AnnotationsDossier");
        b.Property(a => a.AuteurId).HasMaxLength(450);
        b.Property(a => a.Auteur).HasMaxLength(200);
        b.Property(a => a.Texte).HasMaxLength(EchangesService.LongueurAnnotation);
        b.HasIndex(a => new { a.DossierId, a.Jeton }).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class MessageDossierConfiguration : IEntityTypeConfiguration<MessageDossier>
{
    public void Configure(EntityTypeBuilder<MessageDossier> b)
    {
        b.ToTable("MessagesDossier");
        b.Property(m => m.AuteurId).HasMaxLength(450);
        b.Property(m => m.Auteur).HasMaxLength(200);
        b.Property(m => m.Texte).HasMaxLength(EchangesService.LongueurMessage);
        b.HasIndex(m => new { m.DossierId, m.Le });
        b.HasIndex(m => new { m.DossierId, m.Jeton }).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(m => m.FichierId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EtiquetteFondsConfiguration : IEntityTypeConfiguration<EtiquetteFonds>
{
    public void Configure(EntityTypeBuilder<EtiquetteFonds> b)
    {
        b.ToTable("EtiquettesFonds");
        b.Property(e => e.Nom).HasMaxLength(EchangesService.LongueurEtiquette);
        b.HasIndex(e => e.Nom).IsUnique();
    }
}

public class EtiquetteDossierConfiguration : IEntityTypeConfiguration<EtiquetteDossier>
{
    public void Configure(EntityTypeBuilder<EtiquetteDossier> b)
    {
        b.ToTable("EtiquettesDossier");
        b.HasKey(e => new { e.DossierId, e.EtiquetteId });
        b.HasIndex(e => e.EtiquetteId);
        b.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EtiquetteFonds>().WithMany().HasForeignKey(e => e.EtiquetteId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// An expert's opinion asked by an instructor on a dossier: the question, to whom (an e-mail address: the expert signs
/// in with an account of that address), whether it is confidential (read only by whoever asked and the fund's team),
/// the reminders, the revocation, and the answer.
/// </summary>
public class AvisExpert : Platform.Caching.INotShownPublicly
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public required string Email { get; set; }
    public required string Question { get; set; }
    public bool Confidentiel { get; set; }
    public required string DemandeParId { get; set; }
    public required string DemandePar { get; set; }
    public DateTimeOffset DemandeLe { get; set; }
    public DateTimeOffset? RappeleLe { get; set; }
    public DateTimeOffset? RevoqueLe { get; set; }
    public string? Reponse { get; set; }
    public string? ReponduPar { get; set; }
    public DateTimeOffset? ReponduLe { get; set; }
    public int Version { get; set; }
    /// <summary>The token of the form it was sent from: the same form sent twice (a double click) records it once.</summary>
    public Guid? Jeton { get; set; }
}

public class AvisExpertConfiguration : IEntityTypeConfiguration<AvisExpert>
{
    public void Configure(EntityTypeBuilder<AvisExpert> b)
    {
        b.ToTable("AvisExperts");
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.Question).HasMaxLength(AvisService.LongueurQuestion);
        b.Property(a => a.DemandeParId).HasMaxLength(450);
        b.Property(a => a.DemandePar).HasMaxLength(200);
        b.Property(a => a.Reponse).HasMaxLength(AvisService.LongueurReponse);
        b.Property(a => a.ReponduPar).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.DossierId, a.Jeton }).IsUnique();
        b.HasIndex(a => a.Email);
        b.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
