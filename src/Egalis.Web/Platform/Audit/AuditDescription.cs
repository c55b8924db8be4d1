using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Egalis.Web.Platform.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Egalis.Web.Platform.Audit;

/// <summary>An audit line in words: the module, the sentence an agent reads, and a link to the record.</summary>
public sealed record AuditLine(string Module, string Resume, string? Lien);

/// <summary>
/// How a module's records read in the audit log. Each module declares one per entity type it owns:
/// what the record is called in French (« le point 4 de la séance du 10/12/2026 »), where its page is,
/// which fields are worth telling and under which label. Fields without a label (ids, versions,
/// concurrency stamps) never appear.
/// </summary>
public interface IAuditDescription
{
    Type Type { get; }

    /// <summary>The module the records belong to, as the log's filter lists it.</summary>
    string Module { get; }

    /// <summary>The line for this change, or null when the change is told by another record's line.</summary>
    AuditLine? Describe(EntityEntry entree, AuditState etat, DbContext db);
}

public enum AuditState
{
    Creation,
    Modification,
    Suppression,
}

/// <summary>A description built from a few functions; the common case.</summary>
public sealed class AuditDescription<T> : IAuditDescription where T : class
{
    public Type Type => typeof(T);
    public required string Module { get; init; }
    /// <summary>The record in words, with its article: « le point 4 « Objet » de la séance du 10/12/2026 ».</summary>
    public required Func<T, DbContext, string> Nom { get; init; }
    public Func<T, string?>? Lien { get; init; }
    /// <summary>Fields worth telling, with their French label.</summary>
    public IReadOnlyDictionary<string, string> Champs { get; init; } = new Dictionary<string, string>();
    /// <summary>A sentence of the module's own for some changes (« Vote enregistré sur … »); null falls back to the generic one.</summary>
    public Func<EntityEntry<T>, AuditState, DbContext, string?>? Phrase { get; init; }
    /// <summary>How some fields' values read (an enum's French label…); others are formatted by type.</summary>
    public IReadOnlyDictionary<string, Func<object?, string?>> Formats { get; init; } = new Dictionary<string, Func<object?, string?>>();
    /// <summary>When true, the change is not written on its own line (told by its parent's line).</summary>
    public bool Silencieux { get; init; }

    public AuditLine? Describe(EntityEntry entree, AuditState etat, DbContext db)
    {
        if (Silencieux)
        {
            return null;
        }
        var typee = entree.Context.Entry((T)entree.Entity);
        var entite = (T)entree.Entity;
        var nom = Nom(entite, db);
        var phrase = Phrase?.Invoke(typee, etat, db) ?? etat switch
        {
            AuditState.Creation => Avec($"Création {French.DeGroupe(nom)}", Valeurs(entree, p => p.CurrentValue)),
            AuditState.Suppression => $"Suppression {French.DeGroupe(nom)}.",
            _ => Changements(entree) is { Length: > 0 } changements ? $"Modification {French.DeGroupe(nom)} : {changements}." : null,
        };
        // An empty sentence: the change is told by another line of the same save.
        return string.IsNullOrEmpty(phrase) ? null : new AuditLine(Module, phrase, etat == AuditState.Suppression ? null : Lien?.Invoke(entite));
    }

    private static string Avec(string debut, string valeurs) => valeurs.Length == 0 ? $"{debut}." : $"{debut} ({valeurs}).";

    private string Valeurs(EntityEntry entree, Func<PropertyEntry, object?> valeur) =>
        string.Join(", ", Champs.Select(c => (c.Value, Valeur: FormatChamp(c.Key, valeur(entree.Property(c.Key))))).Where(c => c.Valeur is not null).Select(c => $"{c.Item1} : {c.Valeur}"));

    private string? FormatChamp(string champ, object? valeur) => Formats.TryGetValue(champ, out var f) ? f(valeur) : Format(valeur);

    private string Changements(EntityEntry entree) =>
        string.Join(" ; ", Champs.Select(c => entree.Property(c.Key)).Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !MemeListe(p.OriginalValue, p.CurrentValue))
            .Select(p => $"{Champs[p.Metadata.Name]} : {FormatChamp(p.Metadata.Name, p.OriginalValue) ?? "vide"} → {FormatChamp(p.Metadata.Name, p.CurrentValue) ?? "vide"}"));

    private static bool MemeListe(object? a, object? b) =>
        a is IEnumerable<string> x && b is IEnumerable<string> y && x.SequenceEqual(y);

    /// <summary>Values as people read them: dates in French, yes/no, amounts in euros, long texts cut.</summary>
    public static string? Format(object? valeur)
    {
        var texte = valeur switch
        {
            null => null,
            string s when s.Length == 0 => null,
            string s => s,
            bool b => b ? "oui" : "non",
            DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            DateTimeOffset t => Web.Paris.Display(t),
            decimal m => m.ToString("#,##0.##", French.Culture).Replace('\u202F', ' '),
            IEnumerable<string> l => string.Join(" | ", l) is { Length: > 0 } j ? j : null,
            IFormattable f => f.ToString(null, French.Culture),
            IEnumerable => null,
            _ => valeur.ToString(),
        };
        return texte is null ? null : texte.Length > 120 ? texte[..117] + "…" : texte;
    }
}

/// <summary>The descriptions every module declared, by entity type.</summary>
public sealed class AuditDescriptions(IEnumerable<IAuditDescription> toutes)
{
    public IReadOnlyDictionary<Type, IAuditDescription> ByType { get; } = toutes.ToDictionary(d => d.Type);

    /// <summary>Every module that writes to the log (and « Plateforme » for technical records), in French order.</summary>
    public IReadOnlyList<string> Modules { get; } = toutes.Select(d => d.Module).Append("Plateforme").Distinct()
        .Order(StringComparer.Create(Text.French.Culture, ignoreCase: true)).ToList();
}

/// <summary>Reading a related record while describing a change: from the change tracker when it is there, else from the database.</summary>
public static class AuditReader
{
    /// <summary>An application service (a singleton: a registry of the modules' declarations) for a description to read.</summary>
    public static T? Service<T>(DbContext db) where T : class =>
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(db)
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(T)) as T;

    public static TResult? Read<T, TResult>(DbContext db, Func<T, bool> local, System.Linq.Expressions.Expression<Func<T, bool>> filtre, System.Linq.Expressions.Expression<Func<T, TResult>> selection)
        where T : class
    {
        var suivi = db.ChangeTracker.Entries<T>().Select(e => e.Entity).FirstOrDefault(local);
        return suivi is not null ? selection.Compile()(suivi) : db.Set<T>().AsNoTracking().Where(filtre).Select(selection).FirstOrDefault();
    }
}

public static class AuditDescriptionsExtensions
{
    public static IServiceCollection AddAuditDescription<T>(this IServiceCollection services, AuditDescription<T> description) where T : class =>
        services.AddSingleton<IAuditDescription>(description);
}
