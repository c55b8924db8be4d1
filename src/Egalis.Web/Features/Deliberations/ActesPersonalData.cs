using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Who recorded each step of an act's transmission and who deposited its pieces: part of the act's record, kept as long
/// as the act itself (public archives), never purged.
/// </summary>
public sealed class ActesPersonalData : IPersonalDataDeclaration
{
    public string Donnees => "Nom des personnes qui ont enregistré les étapes d'un acte ou déposé ses pièces";
    public string Finalite => "Traçabilité des actes des assemblées";
    public string Conservation => "Aussi longtemps que l'acte (archives publiques)";

    public Task<string> PurgeAsync(EgalisDbContext db, DateTimeOffset maintenant, CancellationToken ct) => Task.FromResult("conservés avec les actes");
}
