-- The rubriques of démocratieS, present from the first start.
INSERT INTO "rubriques" ("slug", "name", "description", "position") VALUES
  ('points-de-vue', 'Points de vue', 'Des voix de la participation citoyenne prennent position.', 1),
  ('sur-le-terrain', 'Sur le terrain', 'Des démarches de participation racontées au plus près de celles et ceux qui les font.', 2),
  ('dans-les-marges', 'Dans les marges', 'La chronique qui regarde la démocratie par ses bords.', 3)
ON CONFLICT ("slug") DO NOTHING;
