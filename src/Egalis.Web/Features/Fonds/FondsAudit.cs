using Egalis.Web.Platform.Audit;

namespace Egalis.Web.Features.Fonds;

/// <summary>The fund's records in the audit log, in the team's words.</summary>
public static class FondsAudit
{
    private const string Module = "Fonds d'initiative";

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<AppelAProjets>
        {
            Module = Module,
            Nom = (a, _) => $"l'appel à projets {a.Annee} « {a.Titre} »",
            Lien = a => $"/fonds/gestion/appel/{a.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Titre"] = "titre", ["Reglement"] = "règlement", ["Ouverture"] = "ouverture", ["Cloture"] = "clôture",
                ["AllocationId"] = "enveloppe", ["Statut"] = "statut", ["MontantMaximum"] = "montant maximal",
                ["PartMaximale"] = "part maximale du coût", ["NotesRequises"] = "notations requises", ["Territoires"] = "territoires",
            },
            Formats = new Dictionary<string, Func<object?, string?>>
            {
                ["Ouverture"] = v => v is DateTimeOffset d ? Platform.Web.Paris.Display(d) : null,
                ["Cloture"] = v => v is DateTimeOffset d ? Platform.Web.Paris.Display(d) : null,
                ["Statut"] = v => v is StatutAppel s ? AppelsService.Libelle(s) : null,
                ["MontantMaximum"] = v => v is decimal m ? Budget.Euros.Format(m) : null,
            },
        });
        services.AddAuditDescription(new AuditDescription<CritereNotation>
        {
            Module = Module,
            Nom = (c, _) => $"le critère de notation « {c.Libelle} »",
            Lien = c => $"/fonds/gestion/appel/{c.AppelId}",
        });
        services.AddAuditDescription(new AuditDescription<Organisation>
        {
            Module = Module,
            Nom = (o, _) => $"l'organisation « {o.Nom} » (SIRET {o.Siret})",
            Lien = o => $"/fonds/organisation/{o.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Nom"] = "nom", ["Siret"] = "SIRET", ["Rna"] = "RNA", ["Adresse"] = "adresse", ["CodePostal"] = "code postal", ["Ville"] = "ville",
                ["Iban"] = "IBAN", ["Bic"] = "BIC", ["TitulaireCompte"] = "titulaire du compte", ["CommuneCodeInsee"] = "commune",
            },
            // Bank details are not copied into the log in full.
            Formats = new Dictionary<string, Func<object?, string?>> { ["Iban"] = v => v is string iban ? Identifiants.Masquer(iban) : null },
        });
        services.AddAuditDescription(new AuditDescription<MembreOrganisation>
        {
            Module = Module,
            Nom = (m, db) => $"l'appartenance de {AuditReader.Read<Platform.Identity.Utilisateur, string>(db, u => u.Id == m.UtilisateurId, u => u.Id == m.UtilisateurId, u => u.NomComplet) ?? "un compte supprimé"} à l'organisation n° {m.OrganisationId}",
            Lien = m => $"/fonds/organisation/{m.OrganisationId}",
            Champs = new Dictionary<string, string> { ["Administrateur"] = "administrateur", ["RepresentantLegal"] = "représentant légal", ["Qualite"] = "qualité" },
        });
        services.AddAuditDescription(new AuditDescription<InvitationOrganisation>
        {
            Module = Module,
            Nom = (i, _) => $"l'invitation de {i.Email} à l'organisation n° {i.OrganisationId}",
            Lien = i => $"/fonds/organisation/{i.OrganisationId}",
            Champs = new Dictionary<string, string> { ["Email"] = "adresse" },
        });
        services.AddAuditDescription(new AuditDescription<PieceOrganisation>
        {
            Module = Module,
            Nom = (p, _) => $"la pièce « {OrganisationsService.Libelle(p.Type)} » de l'organisation n° {p.OrganisationId}",
            Lien = p => $"/fonds/organisation/{p.OrganisationId}",
            Champs = new Dictionary<string, string> { ["ValableJusquAu"] = "validité" },
        });
        services.AddAuditDescription(new AuditDescription<Dossier>
        {
            Module = Module,
            Nom = (d, _) => $"le dossier n° {d.Id}{(d.Intitule is null ? "" : $" « {d.Intitule} »")}",
            Lien = d => $"/fonds/instruction/dossier/{d.Id}",
            Champs = new Dictionary<string, string>
            {
                ["Etat"] = "état", ["Intitule"] = "intitulé", ["MontantDemande"] = "montant demandé", ["CorrectionDemandee"] = "correction demandée",
                ["DateDebut"] = "début", ["DateFin"] = "fin", ["Attestation"] = "attestation sur l'honneur",
            },
            Formats = new Dictionary<string, Func<object?, string?>>
            {
                ["Etat"] = v => v is EtatDossier e ? DossiersService.Libelle(e) : null,
                ["MontantDemande"] = v => v is decimal m ? Budget.Euros.Format(m) : null,
            },
        });
        // A budget line is told with its dossier's save (the dossier's line says it changed).
        services.AddAuditDescription(new AuditDescription<LigneBudgetDossier>
        {
            Module = Module,
            Nom = (l, _) => $"la ligne {l.Code} du budget du dossier n° {l.DossierId}",
            Silencieux = true,
        });
        services.AddAuditDescription(new AuditDescription<Notation>
        {
            Module = Module,
            Nom = (n, _) => $"la note de {n.InstructeurNom} sur le dossier n° {n.DossierId}",
            Lien = n => $"/fonds/instruction/dossier/{n.DossierId}",
            Champs = new Dictionary<string, string> { ["Note"] = "note" },
        });
        services.AddAuditDescription(new AuditDescription<Comite>
        {
            Module = Module,
            Nom = (c, _) => $"le comité de sélection du {c.Date:dd/MM/yyyy}",
            Lien = c => $"/fonds/gestion/comite/{c.Id}",
            Champs = new Dictionary<string, string> { ["Statut"] = "statut", ["Date"] = "date" },
            Formats = new Dictionary<string, Func<object?, string?>> { ["Statut"] = v => v is StatutComite s ? (s == StatutComite.Tenu ? "a statué" : "en préparation") : null },
        });
        services.AddAuditDescription(new AuditDescription<DecisionComite>
        {
            Module = Module,
            Nom = (d, _) => $"la décision du comité sur le dossier n° {d.DossierId}",
            Lien = d => $"/fonds/gestion/comite/{d.ComiteId}",
            Champs = new Dictionary<string, string> { ["Accorde"] = "accordé", ["Montant"] = "montant", ["Motif"] = "motif" },
            Formats = new Dictionary<string, Func<object?, string?>> { ["Montant"] = v => v is decimal m ? Budget.Euros.Format(m) : null },
        });
        services.AddAuditDescription(new AuditDescription<ConventionSubvention>
        {
            Module = Module,
            Nom = (c, _) => $"les conditions de la subvention du dossier n° {c.DossierId}",
            Lien = c => $"/fonds/gestion/subvention/{c.DossierId}",
            Champs = new Dictionary<string, string>
            {
                ["Statut"] = "statut", ["AvecConvention"] = "avec convention", ["PremierePart"] = "part versée à la signature", ["SigneeLe"] = "signée le",
                ["CopieSigneeId"] = "copie signée", ["VerifieeLe"] = "organisation vérifiée le",
            },
            Formats = new Dictionary<string, Func<object?, string?>>
            {
                ["Statut"] = v => v is StatutConvention s ? s switch
                {
                    StatutConvention.Projet => "en projet", StatutConvention.Envoyee => "envoyée", StatutConvention.Signee => "signée", _ => "notifiée sans convention",
                } : null,
            },
        });
        services.AddAuditDescription(new AuditDescription<VersementSubvention>
        {
            Module = Module,
            Nom = (v, _) => $"le versement n° {v.Rang} de la subvention n° {v.ConventionId}",
            Lien = _ => "/fonds/gestion",
            Champs = new Dictionary<string, string> { ["VerseLe"] = "mandaté le", ["Montant"] = "montant", ["Reference"] = "référence" },
            Formats = new Dictionary<string, Func<object?, string?>> { ["Montant"] = v => v is decimal m ? Budget.Euros.Format(m) : null },
        });
        services.AddAuditDescription(new AuditDescription<CompteRenduFinancier>
        {
            Module = Module,
            Nom = (c, _) => $"le compte rendu financier du dossier n° {c.DossierId}",
            Lien = c => $"/fonds/gestion/subvention/{c.DossierId}",
            Champs = new Dictionary<string, string> { ["DeposeLe"] = "déposé le", ["Certification"] = "certification" },
        });
        // A report's line is told with its report's save.
        services.AddAuditDescription(new AuditDescription<LigneCompteRendu>
        {
            Module = Module,
            Nom = (l, _) => $"la ligne {l.Code} du compte rendu n° {l.CompteRenduId}",
            Silencieux = true,
        });
        services.AddAuditDescription(new AuditDescription<MessageDossier>
        {
            Module = Module,
            Nom = (m, _) => $"un message {(m.DeLEquipe ? "de l'équipe" : "du porteur")} sur le dossier n° {m.DossierId}",
            Lien = m => $"/fonds/instruction/dossier/{m.DossierId}#messages",
        });
        services.AddAuditDescription(new AuditDescription<AnnotationDossier>
        {
            Module = Module,
            Nom = (a, _) => $"une annotation privée sur le dossier n° {a.DossierId}",
            Lien = a => $"/fonds/instruction/dossier/{a.DossierId}#annotations",
        });
        services.AddAuditDescription(new AuditDescription<EtiquetteFonds>
        {
            Module = Module,
            Nom = (e, _) => $"l'étiquette « {e.Nom} »",
            Lien = _ => "/fonds/instruction",
        });
        services.AddAuditDescription(new AuditDescription<EtiquetteDossier>
        {
            Module = Module,
            Nom = (e, _) => $"une étiquette du dossier n° {e.DossierId}",
            Lien = e => $"/fonds/instruction/dossier/{e.DossierId}",
        });
        services.AddAuditDescription(new AuditDescription<AvisExpert>
        {
            Module = Module,
            Nom = (a, _) => $"l'avis demandé à {a.Email} sur le dossier n° {a.DossierId}",
            Lien = a => $"/fonds/instruction/dossier/{a.DossierId}#avis",
            Champs = new Dictionary<string, string> { ["RappeleLe"] = "relancé le", ["RevoqueLe"] = "révoqué le", ["ReponduLe"] = "rendu le" },
        });
        services.AddAuditDescription(new AuditDescription<CommunePlanLocal>
        {
            Module = Module,
            Nom = (c, _) => $"le plan local de la commune {c.CommuneCodeInsee}",
            Lien = _ => "/fonds/gestion",
        });
    }
}
