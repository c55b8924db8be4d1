namespace Egalis.Web.Features.Plan;

/// <summary>GET /api/v1/plan: the plan, its axes and actions with their computed progress.</summary>
public static class PlanApi
{
    public sealed record ElementDto(string Code, string Titre, string Statut, int? Progression, DateOnly? DateDebut, DateOnly? DateFin, IReadOnlyList<ElementDto> Enfants);
    public sealed record AxeDto(string Code, string Titre, int? Progression, IReadOnlyList<ElementDto> Actions);
    public sealed record PlanDto(string Code, string Titre, int? Progression, IReadOnlyList<AxeDto> Axes);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/plan", async (PlanService plans, CancellationToken ct) =>
            {
                var arbre = await plans.LoadAsync(ct: ct);
                if (arbre is null)
                {
                    return Results.Problem(title: "Plan introuvable", statusCode: StatusCodes.Status404NotFound);
                }
                ElementDto Element(PlanService.Noeud n) => new(n.Element.Code, n.Element.Titre, n.Statut.Code, n.Progression,
                    n.Element.DateDebut, n.Element.DateFin, n.Enfants.Select(Element).ToList());
                return Results.Ok(new PlanDto(arbre.Plan.Code, arbre.Plan.Titre, arbre.Progression,
                    arbre.Axes.Select(a => new AxeDto(a.Element.Code, a.Element.Titre, a.Progression, a.Enfants.Select(Element).ToList())).ToList()));
            })
            .AllowAnonymous()
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithTags("Plan")
            .WithSummary("Le plan, ses axes et ses actions, avec leur avancement")
            .Produces<PlanDto>();
    }
}
