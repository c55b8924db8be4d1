using System.Text.Json;

namespace Egalis.Web.Platform.Collectivite;

/// <summary>
/// Who runs this installation: the collectivité's identity as its pages, documents, e-mails and open data name it.
/// Read from one file (<c>Egalis:Profil</c>, by default <c>Data/Reference/collectivite.json</c>), never written in code.
/// </summary>
public sealed record ProfilCollectivite
{
    public required string Nom { get; init; }
    /// <summary>Its name as a sentence writes it, with its article: « la Métropole Aix-Marseille-Provence ».</summary>
    public required string Designation { get; init; }
    /// <summary>Whether each conseil de territoire of its geography is an assembly of its own (the Métropole's are).</summary>
    public bool ConseilsDeTerritoire { get; init; }
    /// <summary>How a sentence names it again: « la Métropole ».</summary>
    public required string NomCourt { get; init; }
    public required string Nature { get; init; }
    public required string Siren { get; init; }
    public required string Siret { get; init; }
    /// <summary>The département's code on three digits, as ACTES identifiers write it (« 013 »).</summary>
    public required string Departement { get; init; }
    public required string Adresse { get; init; }
    public required string DirectionPublication { get; init; }
    /// <summary>The service that runs the plan.</summary>
    public required string Service { get; init; }
    public required string Hebergement { get; init; }
    /// <summary>Whom to write to about personal data (« le délégué à la protection des données de … »).</summary>
    public required string ContactDonneesPersonnelles { get; init; }
    /// <summary>Whom to contact about accessibility.</summary>
    public required string ContactAccessibilite { get; init; }
    /// <summary>The agents' e-mail domain, for examples in forms (« prenom.nom@ampmetropole.fr »).</summary>
    public required string DomaineCourriel { get; init; }
    /// <summary>The plan's name (« Plan métropolitain de prévention et de lutte contre les discriminations »).</summary>
    public required string Plan { get; init; }
    /// <summary>How and when it was adopted (« adopté par le Conseil de … le 19 décembre 2019 »).</summary>
    public required string Adoption { get; init; }

    /// <summary>Its reference geography: files (CSV and GeoJSON) beside the profile, with their sources.</summary>
    public required GeographieCollectivite Geographie { get; init; }
    /// <summary>Its assemblies besides the conseils de territoire (which come from the geography).</summary>
    public IReadOnlyList<AssembleeCollectivite> Assemblees { get; init; } = [];
    /// <summary>
    /// The file of the founding deliberation, if the installation starts from one: the plan's axes and actions, and
    /// the founding acts. Without it, the plan starts empty and is built by the team.
    /// </summary>
    public string? Fondation { get; init; }
    /// <summary>The founding acts' texts (report, recitals, articles), beside <see cref="Fondation"/>.</summary>
    public string? TextesFondateurs { get; init; }
    /// <summary>The budget line the founding deliberation opens, and its first credit, if any.</summary>
    public LigneBudgetaireCollectivite? LigneBudgetaire { get; init; }

    /// <summary>The folder of the profile file: its other files are named relative to it.</summary>
    public string Dossier { get; private init; } = "";

    public string Chemin(string fichier) => Path.Combine(Dossier, fichier);

    /// <summary>« tout le territoire de la Métropole »: a record that concerns the whole collectivité.</summary>
    public string ToutLeTerritoire => $"tout le territoire de {NomCourt}";

    public static string FichierParDefaut => Path.Combine(AppContext.BaseDirectory, "Data", "Reference", "collectivite.json");

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the profile the settings name; a missing or incomplete file stops the start-up with a message.</summary>
    public static ProfilCollectivite Load(IConfiguration configuration)
    {
        var fichier = configuration["Egalis:Profil"] is { Length: > 0 } chemin ? Path.GetFullPath(chemin) : FichierParDefaut;
        if (!File.Exists(fichier))
        {
            throw new Web.Hosting.InvalidConfigurationException($"le profil de la collectivité est introuvable ({fichier}) : vérifiez Egalis:Profil.");
        }
        try
        {
            var profil = JsonSerializer.Deserialize<ProfilCollectivite>(File.ReadAllText(fichier), Options)
                ?? throw new JsonException("vide");
            return profil with { Dossier = Path.GetDirectoryName(fichier)! };
        }
        catch (JsonException e)
        {
            throw new Web.Hosting.InvalidConfigurationException($"le profil de la collectivité ({fichier}) est incomplet ou mal formé : {e.Message}");
        }
    }
}

/// <summary>The geography's files: communes (INSEE code, name, département, territory, population) and QPV, with their shapes.</summary>
public sealed record GeographieCollectivite(string Communes, string ContoursCommunes, string Qpv, string ContoursQpv);

/// <summary>An assembly of the collectivité (« CM », « Conseil de la Métropole … », ConseilMetropole or Bureau).</summary>
public sealed record AssembleeCollectivite(string Code, string Nom, string Type);

/// <summary>A budget line (sous-politique, nature, fonction) and its first year's credit.</summary>
public sealed record LigneBudgetaireCollectivite(string SousPolitique, string Nature, string Fonction, string Libelle, int PremiereAnnee, decimal Credits);
