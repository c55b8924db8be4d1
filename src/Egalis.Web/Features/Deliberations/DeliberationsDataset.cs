using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>The register's decided acts, in the SCDL « délibérations » format.</summary>
public sealed class DeliberationsDataset : IOpenDataset
{
    public string Title => "Délibérations";
    public string Description => "Les actes délibérés des assemblées tenues sur la plateforme : date, matière, objet, votes, transmission à la préfecture. Les projets n'y figurent pas.";
    public (string Nom, string? Url)? Schema => ("SCDL Délibérations 2.1.5", "https://schema.data.gouv.fr/scdl/deliberations/");

    public Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/api/v1/opendata/deliberations.csv")]);

    public Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct) => db.Set<PointOrdreDuJour>().CountAsync(p => p.Delibere, ct);

    public IReadOnlyList<Type> Entities => [typeof(PointOrdreDuJour), typeof(Seance), typeof(Rectification)];
}
