-- Realistic volume for the load scenario (PostgreSQL), added to a platform freshly migrated and seeded:
-- ten years of the plan's indicators (40 indicators, targets 2019-2028, quarterly and annual values 2019-2026),
-- 2 000 decided acts of the metropolitan council in 200 sessions, each with the attendance of its 90 members
-- (180 000 lines), and 100 000 lines of audit log. Idempotent: does nothing when the volume is there.
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
END $$;
COMMIT;
ANALYZE;
