namespace Egalis.Web.Platform.Identity;

/// <summary>The roles of the platform (DESIGN.md, « Roles and scope »).</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ChefDeProjet = nameof(ChefDeProjet);
    public const string Assistant = nameof(Assistant);
    public const string ReferentTerritoire = nameof(ReferentTerritoire);
    public const string ReferentCommune = nameof(ReferentCommune);
    public const string Instructeur = nameof(Instructeur);
    public const string Expert = nameof(Expert);
    public const string Agent = nameof(Agent);
    public const string Porteur = nameof(Porteur);
    public const string Jeune = nameof(Jeune);

    public static readonly IReadOnlyList<string> All =
        [Admin, ChefDeProjet, Assistant, ReferentTerritoire, ReferentCommune, Instructeur, Expert, Agent, Porteur, Jeune];

    /// <summary>Roles whose holders must use two-factor authentication outside Development.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Admin, ChefDeProjet, Instructeur];

    public static string Libelle(string role) => role switch
    {
        Admin => "Administrateur ou administratrice",
        ChefDeProjet => "Chef ou cheffe de projet du plan",
        Assistant => "Assistant ou assistante du plan",
        ReferentTerritoire => "Référent d'un conseil de territoire",
        ReferentCommune => "Référent d'une commune",
        Instructeur => "Instructeur du fonds",
        Expert => "Expert du fonds",
        Agent => "Agent de la collectivité",
        Porteur => "Porteur de projet",
        Jeune => "Jeune (stagiaire, filleul)",
        _ => role,
    };

    /// <summary>The scope a role needs: a territory, a commune, or none.</summary>
    public static Portee PorteeRequise(string role) => role switch
    {
        ReferentTerritoire => Portee.ConseilTerritoire,
        ReferentCommune => Portee.Commune,
        _ => Portee.Aucune,
    };
}

public enum Portee
{
    Aucune,
    ConseilTerritoire,
    Commune,
}
