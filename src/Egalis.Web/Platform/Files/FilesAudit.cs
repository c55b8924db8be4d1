using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Platform.Files;

/// <summary>Files in the audit log: which, of what size and fingerprint, for which record. Their bytes are not described.</summary>
public static class FilesAudit
{
    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<StoredFile>
        {
            Module = "Pièces",
            Nom = (f, _) => $"la pièce « {f.Nom} »",
            Lien = f => $"/fichiers/{f.Id}",
            Phrase = (e, etat, _) => etat == AuditState.Creation
                ? $"Pièce « {e.Entity.Nom} » déposée ({FileStore.FormatSize(e.Entity.Taille)}, empreinte SHA-256 {e.Entity.Sha256[..16]}…)."
                : null,
        });
        services.AddAuditDescription(new AuditDescription<FileContent> { Module = "Pièces", Nom = (_, _) => "le contenu d'une pièce", Silencieux = true });
    }
}
