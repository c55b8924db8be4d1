using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Platform.Fichiers;

/// <summary>Files in the audit log: which, of what size and fingerprint, for which record. Their bytes are not described.</summary>
public static class FichiersAudit
{
    public static void Declarer(IServiceCollection services)
    {
        services.AddDescriptionAudit(new DescriptionAudit<Fichier>
        {
            Module = "Pièces",
            Nom = (f, _) => $"la pièce « {f.Nom} »",
            Lien = f => $"/fichiers/{f.Id}",
            Phrase = (e, etat, _) => etat == EtatAudit.Creation
                ? $"Pièce « {e.Entity.Nom} » déposée ({Fichiers.Taille(e.Entity.Taille)}, empreinte SHA-256 {e.Entity.Sha256[..16]}…)."
                : null,
        });
        services.AddDescriptionAudit(new DescriptionAudit<ContenuFichier> { Module = "Pièces", Nom = (_, _) => "le contenu d'une pièce", Silencieux = true });
    }
}
