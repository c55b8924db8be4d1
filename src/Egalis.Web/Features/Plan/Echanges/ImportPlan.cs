using Egalis.Web.Platform.Text;
using Egalis.Web.Features.Territoires;
using Ligne = Egalis.Web.Platform.Exports.CsvInput.Ligne;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Exports;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Echanges;

public enum GenreImport
{
    Actions,
    Indicateurs,
}

/// <summary>
/// CSV import of actions (created or updated by their code) or of indicator values and targets.
/// Every line is checked against the database before anything is written; the preview lists
/// what would change and each line's errors; applying re-checks everything in one transaction and
/// writes all of it, or nothing if any line is wrong. An empty cell leaves the current value as it is.
/// </summary>
public sealed partial class ImportPlan(EgalisDbContext db)
{
    public sealed record Erreur(int Ligne, string Message);
    public sealed record Changement(int Ligne, string Cle, string Nature, string Detail);
    public sealed record Analyse(GenreImport Genre, IReadOnlyList<Changement> Changements, IReadOnlyList<Erreur> Erreurs)
    {
        public int AAppliquer => Changements.Count(c => c.Nature != Inchange);
        public bool Applicable => Erreurs.Count == 0 && AAppliquer > 0;
    }

    public const string Creation = "création", Modification = "modification", Inchange = "inchangé";
    public const int TailleMaximale = 1_000_000;

    private static readonly string[] ColonnesActions = ["code", "parent", "intitule", "description", "statut", "avancement", "poids", "service_pilote", "partenaires", "territoires", "date_debut", "date_fin"];
    private static readonly string[] IgnoreesActions = ["niveau", "avancement_calcule"];
    private static readonly string[] ColonnesIndicateurs = ["indicateur", "annee", "periode", "valeur", "cible", "commentaire"];
    private static readonly string[] IgnoreesIndicateurs = ["libelle", "unite", "sens"];

    /// <summary>Reads an uploaded file: UTF-8 (with or without BOM), or Windows-1252 as older spreadsheet software saves it.</summary>
    public static string Decode(byte[] contenu) => Spreadsheet.Decode(contenu);

    public Task<Analyse> AnalyserAsync(GenreImport genre, string contenu, CancellationToken ct) =>
        TraiterAsync(genre, contenu, appliquer: false, ct);

    public async Task<Analyse> AppliquerAsync(GenreImport genre, string contenu, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var analyse = await TraiterAsync(genre, contenu, appliquer: true, ct);
        if (!analyse.Applicable)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(ct);
            return analyse;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return analyse;
    }

    private async Task<Analyse> TraiterAsync(GenreImport genre, string contenu, bool appliquer, CancellationToken ct)
    {
        var erreurs = new List<Erreur>();
        var lignes = CsvInput.Read(contenu, (n, m) => erreurs.Add(new Erreur(n, m)), genre == GenreImport.Actions ? ColonnesActions : ColonnesIndicateurs,
            genre == GenreImport.Actions ? IgnoreesActions : IgnoreesIndicateurs);
        var changements = new List<Changement>();
        if (erreurs.Count == 0)
        {
            if (genre == GenreImport.Actions)
            {
                await ActionsAsync(lignes, changements, erreurs, ct);
            }
            else
            {
                await IndicateursAsync(lignes, changements, erreurs, ct);
            }
        }
        if (!appliquer)
        {
            db.ChangeTracker.Clear();
        }
        return new Analyse(genre, changements, erreurs.OrderBy(e => e.Ligne).ToList());
    }

    private async Task ActionsAsync(List<Ligne> lignes, List<Changement> changements, List<Erreur> erreurs, CancellationToken ct)
    {
        var elements = await db.Set<ElementPlan>().Where(e => e.PlanCode == PlanService.PlanPrincipal).ToDictionaryAsync(e => e.Code, ct);
        var statuts = await db.Set<StatutAction>().ToListAsync(ct);
        var territoires = new HashSet<string>(await db.ConseilsTerritoire.Select(t => t.Code).ToListAsync(ct)) { NiveauLibelle.Metropole };
        territoires.UnionWith(await db.Communes.Select(c => c.CodeInsee).ToListAsync(ct));
        var parents = elements.Values.Where(e => e.ParentId != null).Select(e => e.ParentId!.Value).ToHashSet();
        var vus = new HashSet<string>(StringComparer.Ordinal);
        string? statutInitial = null;

        foreach (var ligne in lignes)
        {
            var n = ligne.Numero;
            var code = ligne["code"];
            if (code is null || !CodeElement().IsMatch(code))
            {
                erreurs.Add(new Erreur(n, code is null ? "Le code de l'action est vide." : $"Le code « {code} » n'est pas valable : des nombres séparés par des points, par exemple 1.3 ou 1.3.1."));
                continue;
            }
            if (!vus.Add(code))
            {
                erreurs.Add(new Erreur(n, $"Le code {code} figure sur plusieurs lignes."));
                continue;
            }
            var existant = elements.GetValueOrDefault(code);
            var element = existant;
            var avant = existant is null ? null : Resume(existant);
            if (element is null)
            {
                var codeParent = ligne["parent"];
                var titre = ligne["intitule"];
                var parent = codeParent is null ? null : elements.GetValueOrDefault(codeParent);
                if (titre is null)
                {
                    erreurs.Add(new Erreur(n, $"L'action {code} n'existe pas : pour la créer, indiquez son intitulé."));
                }
                if (codeParent is null)
                {
                    erreurs.Add(new Erreur(n, $"L'action {code} n'existe pas : pour la créer, indiquez le code de l'élément parent (par exemple {ParentProbable(code)})."));
                }
                else if (parent is null)
                {
                    erreurs.Add(new Erreur(n, $"Le parent {codeParent} n'existe pas dans le plan (ni plus haut dans le fichier)."));
                }
                else if (!code.StartsWith(codeParent + ".", StringComparison.Ordinal))
                {
                    erreurs.Add(new Erreur(n, $"Le code d'un élément de {codeParent} commence par « {codeParent}. »."));
                }
                if (titre is null || parent is null || !code.StartsWith(parent.Code + ".", StringComparison.Ordinal))
                {
                    continue;
                }
                element = new ElementPlan
                {
                    PlanCode = PlanService.PlanPrincipal, Parent = parent, ParentId = parent.Id == 0 ? null : parent.Id, Code = code, Titre = titre,
                    Niveau = parent.Niveau == NiveauElement.Axe ? NiveauElement.Action : NiveauElement.SousAction, StatutCode = statutInitial ??= (await PlanRegles.StatutInitialAsync(db, ct)).Code,
                    ServicePilote = parent.ServicePilote, Territoires = [.. parent.Territoires], Ordre = elements.Values.Count(e => e.Parent == parent || (e.ParentId == parent.Id && parent.Id != 0)) + 1,
                };
                elements[code] = element;
                parents.Add(parent.Id);
                // The parent's progress is computed from now on.
                parent.Progression = null;
            }

            var erreursAvant = erreurs.Count;
            if (ligne["parent"] is { } autreParent && existant is not null && autreParent != (elements.Values.FirstOrDefault(e => e.Id == existant.ParentId)?.Code))
            {
                erreurs.Add(new Erreur(n, $"L'action {code} existe déjà sous un autre parent : l'import ne déplace pas les actions."));
            }
            if (ligne["intitule"] is { } intitule)
            {
                if (intitule.Length > 300) erreurs.Add(new Erreur(n, "L'intitulé ne doit pas dépasser 300 caractères."));
                else element.Titre = intitule;
            }
            if (ligne["description"] is { } description)
            {
                if (description.Length > 4000) erreurs.Add(new Erreur(n, "La description ne doit pas dépasser 4 000 caractères."));
                else element.Description = description;
            }
            if (ligne["statut"] is { } s)
            {
                var statut = statuts.FirstOrDefault(x => string.Equals(x.Code, s, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Libelle, s, StringComparison.OrdinalIgnoreCase));
                if (statut is null) erreurs.Add(new Erreur(n, $"Statut « {s} » inconnu : {string.Join(", ", statuts.Select(x => x.Libelle))}."));
                else element.StatutCode = statut.Code;
            }
            if (ligne["avancement"] is { } a)
            {
                if (!int.TryParse(a.TrimEnd('%', ' '), NumberStyles.Integer, CultureInfo.InvariantCulture, out var avancement) || avancement is < 0 or > 100)
                    erreurs.Add(new Erreur(n, $"L'avancement « {a} » doit être un nombre entier de 0 à 100."));
                else if (parents.Contains(element.Id) && element.Id != 0)
                    erreurs.Add(new Erreur(n, $"L'avancement de {code} est calculé à partir de ses sous-actions : laissez la cellule vide."));
                else element.Progression = avancement;
            }
            if (ligne["poids"] is { } p)
            {
                if (!FlexibleDecimalBinder.TryParse(p, out var poids) || poids <= 0 || poids > 1000) erreurs.Add(new Erreur(n, $"Le poids « {p} » doit être un nombre supérieur à 0 et au plus 1 000."));
                else element.Poids = poids;
            }
            if (ligne["service_pilote"] is { } service)
            {
                if (service.Length > 200) erreurs.Add(new Erreur(n, "Le service pilote ne doit pas dépasser 200 caractères."));
                else element.ServicePilote = service;
            }
            if (ligne["partenaires"] is { } partenaires)
            {
                if (partenaires.Length > 1000) erreurs.Add(new Erreur(n, "Les partenaires ne doivent pas dépasser 1 000 caractères."));
                else element.Partenaires = partenaires;
            }
            if (ligne["territoires"] is { } t)
            {
                var codes = t.Split('|', ',').Select(x => x.Trim().ToUpperInvariant()).Where(x => x.Length > 0).Distinct().ToList();
                var inconnus = codes.Where(x => !territoires.Contains(x)).ToList();
                if (inconnus.Count > 0) erreurs.Add(new Erreur(n, $"Territoires inconnus : {string.Join(", ", inconnus)} (METROPOLE, CT1 à CT6 ou un code INSEE, séparés par |)."));
                else element.Territoires = codes;
            }
            if (ligne["date_debut"] is { } d1)
            {
                if (LireDate(d1) is { } debut && PlanRegles.VerifierDate(debut) is { } horsPlan) erreurs.Add(new Erreur(n, $"Date de début : {horsPlan}"));
                else if (LireDate(d1) is { } debutValide) element.DateDebut = debutValide;
                else erreurs.Add(new Erreur(n, $"La date de début « {d1} » n'est pas une date (jj/mm/aaaa)."));
            }
            if (ligne["date_fin"] is { } d2)
            {
                if (LireDate(d2) is { } fin && PlanRegles.VerifierDate(fin) is { } horsPlan) erreurs.Add(new Erreur(n, $"Date de fin : {horsPlan}"));
                else if (LireDate(d2) is { } finValide) element.DateFin = finValide;
                else erreurs.Add(new Erreur(n, $"La date de fin « {d2} » n'est pas une date (jj/mm/aaaa)."));
            }
            if (element.DateDebut is not null && element.DateFin is not null && element.DateFin < element.DateDebut)
            {
                erreurs.Add(new Erreur(n, "La date de fin doit être postérieure à la date de début."));
            }
            if (statuts.FirstOrDefault(x => x.Code == element.StatutCode) is { } st && PlanRegles.VerifierAvancement(st, element.Progression) is { } incoherent)
            {
                erreurs.Add(new Erreur(n, incoherent));
            }
            if (erreurs.Count > erreursAvant)
            {
                continue;
            }
            if (existant is null)
            {
                db.Add(element);
                changements.Add(new Changement(n, code, Creation, element.Titre));
            }
            else
            {
                var apres = Resume(existant);
                var differences = apres.Where(kv => avant![kv.Key] != kv.Value).Select(kv => $"{kv.Key} : {avant![kv.Key]} → {kv.Value}").ToList();
                if (differences.Count > 0)
                {
                    existant.Version++;
                }
                changements.Add(new Changement(n, code, differences.Count == 0 ? Inchange : Modification, string.Join(" ; ", differences)));
            }
        }
    }

    private async Task IndicateursAsync(List<Ligne> lignes, List<Changement> changements, List<Erreur> erreurs, CancellationToken ct)
    {
        var indicateurs = await db.Set<Indicateur>().ToDictionaryAsync(i => i.Code, ct);
        var valeurs = await db.Set<ValeurIndicateur>().ToListAsync(ct);
        var cibles = await db.Set<CibleIndicateur>().ToListAsync(ct);
        var vus = new HashSet<(string, int, string)>();
        foreach (var ligne in lignes)
        {
            var n = ligne.Numero;
            var erreursAvant = erreurs.Count;
            var code = ligne["indicateur"];
            var indicateur = code is null ? null : indicateurs.GetValueOrDefault(code);
            if (indicateur is null)
            {
                erreurs.Add(new Erreur(n, code is null ? "Le code de l'indicateur est vide." : $"L'indicateur {code} n'existe pas : créez-le d'abord dans la plateforme."));
            }
            int annee = 0;
            if (ligne["annee"] is not { } texteAnnee || !int.TryParse(texteAnnee, NumberStyles.Integer, CultureInfo.InvariantCulture, out annee) || !Years.IsValid(annee))
            {
                erreurs.Add(new Erreur(n, $"L'année « {ligne["annee"]} » doit être comprise entre {Years.First} et {Years.Last}."));
            }
            var periode = ligne["periode"]?.ToUpperInvariant() ?? "";
            if (!PeriodeValable().IsMatch(periode))
            {
                erreurs.Add(new Erreur(n, $"La période « {periode} » est vide (année entière), T1 à T4 ou S1, S2."));
            }
            decimal? valeur = null, cible = null;
            if (ligne["valeur"] is { } v)
            {
                if (FlexibleDecimalBinder.TryParse(v, out var x) && IndicateursService.VerifierValeur(x) is { } horsLimite) erreurs.Add(new Erreur(n, horsLimite));
                else if (FlexibleDecimalBinder.TryParse(v, out var y)) valeur = y;
                else erreurs.Add(new Erreur(n, $"La valeur « {v} » n'est pas un nombre."));
            }
            if (ligne["cible"] is { } c)
            {
                if (FlexibleDecimalBinder.TryParse(c, out var x) && IndicateursService.VerifierValeur(x) is { } horsLimite) erreurs.Add(new Erreur(n, horsLimite));
                else if (FlexibleDecimalBinder.TryParse(c, out var y)) cible = y;
                else erreurs.Add(new Erreur(n, $"La cible « {c} » n'est pas un nombre."));
            }
            if (indicateur?.Calcul is not null && valeur is not null)
            {
                // Computed indicators appear in exports with their value: the same value is accepted and ignored.
                valeur = null;
            }
            if (cible is not null && periode != "")
            {
                erreurs.Add(new Erreur(n, "Une cible se fixe pour l'année entière : laissez la période vide."));
            }
            var commentaire = ligne["commentaire"];
            if (commentaire?.Length > 500)
            {
                erreurs.Add(new Erreur(n, "Le commentaire ne doit pas dépasser 500 caractères."));
            }
            if (erreurs.Count > erreursAvant || indicateur is null)
            {
                continue;
            }
            if (!vus.Add((indicateur.Code, annee, periode)))
            {
                erreurs.Add(new Erreur(n, $"{indicateur.Code} {annee} {periode} figure sur plusieurs lignes."));
                continue;
            }
            var cle = $"{indicateur.Code} {annee}{(periode == "" ? "" : " " + periode)}";
            var details = new List<string>();
            var nouveau = false;
            if (valeur is not null)
            {
                var existante = valeurs.FirstOrDefault(x => x.IndicateurCode == indicateur.Code && x.Annee == annee && x.Periode == periode);
                if (existante is null)
                {
                    db.Add(new ValeurIndicateur { IndicateurCode = indicateur.Code, Annee = annee, Periode = periode, Valeur = valeur.Value, Commentaire = commentaire });
                    details.Add($"valeur {IndicateursService.Format(valeur)}");
                    nouveau = true;
                }
                else if (existante.Valeur != valeur || (commentaire is not null && existante.Commentaire != commentaire))
                {
                    details.Add($"valeur {IndicateursService.Format(existante.Valeur)} → {IndicateursService.Format(valeur)}");
                    existante.Valeur = valeur.Value;
                    existante.Commentaire = commentaire ?? existante.Commentaire;
                }
            }
            if (cible is not null)
            {
                var existante = cibles.FirstOrDefault(x => x.IndicateurCode == indicateur.Code && x.Annee == annee);
                if (existante is null)
                {
                    db.Add(new CibleIndicateur { IndicateurCode = indicateur.Code, Annee = annee, Valeur = cible.Value });
                    details.Add($"cible {IndicateursService.Format(cible)}");
                    nouveau = true;
                }
                else if (existante.Valeur != cible)
                {
                    details.Add($"cible {IndicateursService.Format(existante.Valeur)} → {IndicateursService.Format(cible)}");
                    existante.Valeur = cible.Value;
                }
            }
            changements.Add(new Changement(n, cle, details.Count == 0 ? Inchange : nouveau ? Creation : Modification, string.Join(" ; ", details)));
        }
    }

    private static Dictionary<string, string> Resume(ElementPlan e) => new()
    {
        ["intitulé"] = e.Titre, ["description"] = e.Description ?? "", ["statut"] = e.StatutCode,
        ["avancement"] = e.Progression?.ToString(CultureInfo.InvariantCulture) ?? "", ["poids"] = e.Poids?.ToString("0.###", Spreadsheet.French) ?? "",
        ["service pilote"] = e.ServicePilote ?? "", ["partenaires"] = e.Partenaires ?? "", ["territoires"] = string.Join('|', e.Territoires),
        ["début"] = e.DateDebut?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "", ["fin"] = e.DateFin?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
    };

    private static DateOnly? LireDate(string texte) =>
        DateOnly.TryParseExact(texte, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string ParentProbable(string code) => code.Contains('.') ? code[..code.LastIndexOf('.')] : code;

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex CodeElement();

    [GeneratedRegex("^(T[1-4]|S[12])?$")]
    private static partial Regex PeriodeValable();
}
