-- Realistic volume for the load scenario (PostgreSQL), added to a platform freshly migrated and seeded:
-- ten years of the plan's indicators (40 indicators, targets 2019-2028, quarterly and annual values 2019-2026),
-- 2 000 decided acts of the metropolitan council in 200 sessions, each with the attendance of its 90 members
-- (180 000 lines), 100 000 lines of audit log, and the initiative fund's 20 000 dossiers (five yearly calls,
-- 4 000 organisations, every state, six territories). Idempotent: does nothing when the volume is there.
BEGIN;
DO $$
BEGIN
IF EXISTS (SELECT 1 FROM "Indicateurs" WHERE "Code" = 'VOL-01') THEN
  RAISE NOTICE 'volume déjà présent';
  RETURN;
END IF;

-- Indicators of the plan's actions, with targets and measured values.
INSERT INTO "Indicateurs" ("Code", "Libelle", "Unite", "Sens", "Description", "ActionCode", "Version")
SELECT format('VOL-%s', lpad(i::text, 2, '0')),
       format('Indicateur de suivi n° %s de l''action', i), 'personnes', i % 2,
       'Mesuré chaque trimestre par le service pilote.', a."Code", 0
FROM generate_series(1, 40) i
JOIN LATERAL (SELECT "Code" FROM "ElementsPlan" WHERE "Niveau" = 1 ORDER BY "Ordre", "Code" OFFSET (i % 14) LIMIT 1) a ON true;

INSERT INTO "CiblesIndicateur" ("IndicateurCode", "Annee", "Valeur")
SELECT format('VOL-%s', lpad(i::text, 2, '0')), y, 100 + i + (y - 2019) * 10
FROM generate_series(1, 40) i, generate_series(2019, 2028) y;

INSERT INTO "ValeursIndicateur" ("IndicateurCode", "Annee", "Periode", "Valeur", "Commentaire")
SELECT format('VOL-%s', lpad(i::text, 2, '0')), y, p, 90 + i + (y - 2019) * 9 + length(p), NULL
FROM generate_series(1, 40) i, generate_series(2019, 2026) y, unnest(ARRAY['', 'T1', 'T2', 'T3', 'T4']) p;

-- The metropolitan council's 90 members of the 2020-2026 term.
INSERT INTO "Elus" ("Nom") SELECT format('MEMBRE%s Conseiller', lpad(m::text, 2, '0')) FROM generate_series(1, 90) m;
INSERT INTO "Mandats" ("AssembleeId", "EluId", "Debut", "Fin")
SELECT a."Id", e."Id", date '2020-07-09', NULL
FROM "Assemblees" a, "Elus" e WHERE a."Code" = 'CM' AND e."Nom" LIKE 'MEMBRE__ Conseiller';

-- 200 sessions from July 2020, ten acts each: decided, signed, transmitted and acknowledged.
INSERT INTO "Seances" ("AssembleeId", "Date", "Lieu", "PolitiqueCode")
SELECT a."Id", date '2020-07-16' + g * 10, 'Hémicycle du Pharo, Marseille', 'CGCT'
FROM "Assemblees" a, generate_series(0, 199) g WHERE a."Code" = 'CM';

INSERT INTO "PointsOrdreDuJour" ("SeanceId", "Rang", "NumeroRapport", "Theme", "Objet", "MatiereCode", "NatureCode", "Genre",
  "Rapport", "Visas", "Considerants", "Articles", "ScrutinSecret", "Pour", "Contre", "Abstention", "NePrendPasPart",
  "Transmission", "DateSignature", "DateTransmission", "DateAccuse", "NumeroActe", "Version", "Delibere")
SELECT s."Id", r, format('CHL %s-%s', s."Id", r), 'Cohésion sociale',
  format('Approbation d''une convention de partenariat pour la prévention des discriminations (rapport %s)', r),
  '8.5', 'DE', 0,
  'Le plan métropolitain prévoit des partenariats avec les acteurs locaux. La présente convention en fixe les engagements.',
  ARRAY['Le Code général des collectivités territoriales'],
  ARRAY['Considérant l''intérêt métropolitain de la prévention des discriminations'],
  ARRAY['Est approuvée la convention ci-annexée.', 'Le Président est autorisé à la signer.'],
  false, 80, 5, 3, 2, 2, s."Date", s."Date" + 2, s."Date" + 3,
  format('%s_CM_%s', extract(year FROM s."Date")::int,
         lpad((row_number() OVER (PARTITION BY extract(year FROM s."Date") ORDER BY s."Id", r))::text, 4, '0')),
  0, true
FROM "Seances" s CROSS JOIN generate_series(1, 10) r
WHERE s."Lieu" = 'Hémicycle du Pharo, Marseille';

INSERT INTO "Presences" ("PointId", "MandatId", "Statut", "MandataireMandatId")
SELECT p."Id", m."Id",
  CASE WHEN row_number() OVER w <= 80 THEN 0 WHEN row_number() OVER w <= 85 THEN 2 ELSE 3 END, NULL
FROM "PointsOrdreDuJour" p
JOIN "Seances" s ON s."Id" = p."SeanceId" AND s."Lieu" = 'Hémicycle du Pharo, Marseille'
JOIN "Mandats" m ON m."AssembleeId" = s."AssembleeId"
WINDOW w AS (PARTITION BY p."Id" ORDER BY m."Id");

-- Five years of audit log.
INSERT INTO "JournalAudit" ("Quand", "Qui", "Entite", "EntiteId", "Action", "Resume", "Lien", "Module")
SELECT timestamptz '2021-01-01 08:00+01' + g * interval '25 minutes', 'Camille Chef de projet (cheffe.projet@egalis.local)',
  'ValeurIndicateur', g::text, 'Modification',
  format('Valeur de l''indicateur VOL-%s modifiée : %s.', lpad((g % 40 + 1)::text, 2, '0'), g % 500), NULL, 'Plan'
FROM generate_series(1, 100000) g;

-- The initiative fund: five closed calls, 4 000 organisations applying to each, 20 000 dossiers in every state.
INSERT INTO "AppelsAProjets" ("Annee", "Titre", "Reglement", "Ouverture", "Cloture", "AllocationId", "OuvertAuxAssociations", "OuvertAuxCommunes",
  "Territoires", "PrioriteSansPlanLocal", "MontantMaximum", "PartMaximale", "NotesRequises", "Statut", "PublieLe", "Version")
SELECT y, format('Appel à projets %s (volume)', y), 'Règlement de l''appel.', make_timestamptz(y, 1, 15, 9, 0, 0, 'Europe/Paris'),
  make_timestamptz(y, 3, 31, 12, 0, 0, 'Europe/Paris'), NULL, true, true, ARRAY[]::text[], true, 10000, 80, 2, 'Clos',
  make_timestamptz(y, 1, 10, 9, 0, 0, 'Europe/Paris'), 0
FROM generate_series(2021, 2025) y;

INSERT INTO "Organisations" ("Type", "Nom", "Siret", "Rna", "CommuneCodeInsee", "Adresse", "CodePostal", "Ville", "Iban", "Bic", "TitulaireCompte", "CreeLe", "Version")
SELECT 'Association', format('Association du volume n° %s', o), '9' || lpad(o::text, 13, '0'), 'W' || lpad(o::text, 9, '0'), NULL,
  format('%s rue de la République', o % 200 + 1), '13001', 'Marseille', 'FR7630006000011234567890189', 'AGRIFRPP', format('Association du volume n° %s', o),
  timestamptz '2020-06-01 10:00+02', 0
FROM generate_series(1, 4000) o;

INSERT INTO "Dossiers" ("AppelId", "OrganisationId", "Etat", "CreePar", "CreeLe", "ModifieLe", "DeposeLe", "CorrectionDemandee", "ConseilTerritoireCode",
  "Intitule", "Objectifs", "Description", "PublicVise", "NombreBeneficiaires", "DateDebut", "DateFin", "Communes", "Qpv", "Criteres", "Domaines",
  "MontantDemande", "Attestation", "EngagementRepublicain", "Version")
SELECT a."Id", o."Id",
  (ARRAY['EnConstruction', 'EnInstruction', 'EnInstruction', 'Accepte', 'Refuse', 'SansSuite'])[(o."Id" + a."Annee") % 6 + 1],
  'Présidence', make_timestamptz(a."Annee", 2, 1, 10, 0, 0, 'Europe/Paris'), make_timestamptz(a."Annee", 3, 1, 10, 0, 0, 'Europe/Paris'),
  make_timestamptz(a."Annee", 3, 1, 10, 0, 0, 'Europe/Paris') + (o."Id" % 600) * interval '1 hour', NULL,
  'CT' || ((o."Id" + a."Annee") % 6 + 1), format('Projet %s de l''association n° %s', a."Annee", o."Id"), 'Objectifs du projet.',
  'Description du projet.', 'Public visé.', 100, make_date(a."Annee", 9, 1), make_date(a."Annee" + 1, 6, 30),
  ARRAY['13055'], ARRAY[]::text[], ARRAY['origine'], ARRAY['emploi'], 1000 + (o."Id" % 90) * 100, true, true, 0
FROM "AppelsAProjets" a CROSS JOIN "Organisations" o
WHERE a."Titre" LIKE '% (volume)' AND o."Siret" LIKE '9%';
END $$;
COMMIT;
ANALYZE;
