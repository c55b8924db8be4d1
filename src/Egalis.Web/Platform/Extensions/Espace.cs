using System.Security.Claims;

namespace Egalis.Web.Platform.Extensions;

/// <summary>
/// What a module shows a person on « Mon espace », the page they land on after signing in: what they have to do or
/// follow in that module (late milestones, acts to transmit; later their dossiers, trainings, applications).
/// Registered with <c>services.AddScoped&lt;IEspaceContribution, …&gt;()</c>; answers null when nothing concerns the person.
/// </summary>
public interface IEspaceContribution
{
    Task<BlocEspace?> LoadAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>A block of « Mon espace »: a title, its lines (at most a few, the most urgent first) and a link to the whole list.</summary>
public sealed record BlocEspace(string Titre, IReadOnlyList<LigneEspace> Lignes, int Total, string? LienTout = null, string? LibelleTout = null);

/// <summary>One thing to do or follow: what, where, and why it is listed (« en retard depuis le 12/03/2026 »).</summary>
public sealed record LigneEspace(string Libelle, string? Url, string? Precision = null, bool EnRetard = false);
