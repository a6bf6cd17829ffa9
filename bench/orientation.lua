-- wrk script: posts projects to orient (POST /api/v1/orientation) in rotation, with the session
-- cookie of the COOKIE environment variable, and prints one RESULT line like percentiles.lua.
-- done(): the RESULT line of percentiles.lua (loaded first: its request() is replaced below)
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "percentiles.lua")

local projects = {
  '{"stage":"IDEE","needs":["DEFINE_IDEA","MARKET_STUDY"],"sector":"CULTURE","collective":true,"commune":"29232","idea":"café associatif et concerts dans le bourg"}',
  '{"stage":"PROJET","needs":["FINANCING","PREMISES_LAND"],"sector":"ENVIRONNEMENT","collective":true,"commune":"29039","idea":"ressourcerie réemploi et réparation"}',
  '{"stage":"CREATION","needs":["FINANCING","LEGAL_GOVERNANCE"],"sector":"AGRICULTURE","collective":true,"legalForm":"SCIC","commune":"29046","idea":"épicerie paysanne en SCIC"}',
  '{"stage":"IDEE","needs":["TRAINING"],"sector":"SERVICES","collective":false,"commune":"29220","idea":"tester une activité de couture et retouches"}',
  '{"stage":"DEVELOPPEMENT","needs":["EMPLOYMENT","SCALING"],"sector":"SANITAIRE_SOCIAL","collective":true,"commune":"29232","idea":"association aide à domicile difficultés employeur"}',
  '{"stage":"PROJET","needs":["PREMISES_LAND","NETWORK"],"sector":"AGRICULTURE","collective":false,"commune":"29039","idea":"maraîchage bio installation foncier"}'
}
local counter = 0
local cookie = os.getenv("COOKIE") or ""

request = function()
  counter = counter + 1
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json", ["Accept"] = "application/json",
    ["Cookie"] = cookie}, projects[(counter % #projects) + 1])
end
