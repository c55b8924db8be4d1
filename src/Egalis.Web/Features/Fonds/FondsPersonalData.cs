using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Invitations to join an organisation name a person by their address: kept while the link is valid, then deleted.
/// (The organisations' identity and bank details are the public body's accounting records of its subsidies.)
/// </summary>
public sealed class InvitationsPersonalData : IPersonalDataDeclaration
{
    public string Donnees => "Adresse électronique des personnes invitées à rejoindre une organisation";
    public string Finalite => "Permettre à une association ou une commune de partager ses dossiers entre ses membres";
    public string Conservation => "7 jours (durée de validité du lien), puis suppression";

    public async Task<string> PurgeAsync(EgalisDbContext db, DateTimeOffset maintenant, CancellationToken ct)
    {
        var expirees = await db.Set<InvitationOrganisation>().Where(i => i.ExpireLe <= maintenant).ToListAsync(ct);
        db.RemoveRange(expirees);
        await db.SaveChangesAsync(ct);
        return Platform.Text.French.Nombre(expirees.Count, "invitation expirée supprimée", "invitations expirées supprimées");
    }
}
