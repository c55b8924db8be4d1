using System.Globalization;
using CsvHelper;
using Egalis.Web.Features.Territoires;

namespace Egalis.Web.Features.Deliberations;

/// <summary>The @CTES classification of matters (levels 1 and 2), from the reference file.</summary>
public sealed class MatieresActes
{
    private readonly Dictionary<string, (string Libelle, int Niveau)> _parCode;

    public MatieresActes()
    {
        using var lecteur = new StreamReader(Path.Combine(ReferenceData.DefaultFolder, "actes-classification-matieres-niveaux-1-2.csv"));
        using var csv = new CsvReader(lecteur, CultureInfo.InvariantCulture);
        _parCode = csv.GetRecords<Ligne>().ToDictionary(l => l.code, l => (l.libelle, l.niveau));
    }

    public string? Nom(string code) => _parCode.TryGetValue(code, out var m) ? m.Libelle : null;

    /// <summary>
    /// The level-1 labels the SCDL « nomenclature-actes-value » check accepts, by code (the published
    /// classification file spells some of them differently).
    /// </summary>
    private static readonly Dictionary<string, string> Niveau1Scdl = new()
    {
        ["1"] = "Commande publique", ["2"] = "Urbanisme", ["3"] = "Domaine et patrimoine", ["4"] = "Fonction publique",
        ["5"] = "Institutions et vie politique", ["6"] = "Libertés publiques et pouvoirs de police", ["7"] = "Finances locales",
        ["8"] = "Domaines de compétences par thèmes", ["9"] = "Autres domaines de compétences",
    };

    /// <summary>« Domaines de compétences par thèmes/Politique de la ville-habitat-logement », as SCDL wants it.</summary>
    public string? NomScdl(string code) =>
        Niveau1Scdl.TryGetValue(code.Split('.')[0], out var niveau1) && Nom(code) is { } niveau2 ? $"{niveau1}/{niveau2.Trim()}" : null;

    /// <summary>Level-2 matters (the ones acts are indexed with), for choice lists.</summary>
    public IEnumerable<(string Code, string Libelle)> Niveau2 => _parCode.Where(m => m.Value.Niveau == 2).Select(m => (m.Key, m.Value.Libelle));

    private sealed record Ligne(string code, int niveau, string code_parent, string libelle);
}
