"""English names, readable ids and themes for Chinese indicator names, from a glossary.

The glossary holds the standard terms of statistical releases in the wording of the National
Bureau of Statistics' English releases (规模以上工业 -> industrial enterprises above designated
size, 社会消费品零售总额 -> total retail sales of consumer goods). A name is cut into terms by
longest match and the terms are put in English order: a noun after a noun phrase takes it as its
complement ("value added of …", "investment in …", "growth of …"), adjectives go before their
noun, modifiers such as "above designated size" or "signed" after it. Nothing is guessed: a part
of a name the glossary does not know is reported as untranslated and the name is not complete.

Pure data and composition: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal["noun", "pre", "post", "tail", "filler"]


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    kind: noun (a head), pre (an adjective before the next noun), post (a modifier after the
    next noun), tail (a phrase after the next noun's complement: "since the start of the year"),
    filler (a word with no English of its own, such as 各项 or 实现).
    prep: how a noun takes the phrase before it: "of", "in", "on", "for", or "" to put that
    phrase before it as an attribute (工业项目 -> industrial projects).
    """

    zh: str
    en: str
    kind: Kind = "noun"
    prep: str = "of"
    adj: str = ""  # the attributive form (工业 industry -> industrial)
    key: str = ""  # its words in an id; "" derives them from en
    tag: str = ""  # the subject it speaks of (investment, industry, …) for themes
    key_last: bool = False  # in an id, after its complement: fixed_asset_investment_growth
    amount_as_investment: bool = False  # 亿元以上项目 -> projects with investment of …
    after: str = ""  # words after its complement: 高于全市 -> lead of … over the city
    key_after_head: bool = False  # a modifier whose id words follow the head (above_size)


@dataclass(frozen=True)
class EnglishName:
    """The English composed for a Chinese name.

    complete: every part of the name was found in the glossary. When not, *text* keeps the
    parts it could not translate in Chinese, in place, and *untranslated* lists them.
    """

    text: str
    complete: bool
    untranslated: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The glossary. One entry a line: 中文|English|options, options among p=PREP (p=- for an
# attribute), a=ADJECTIVE, k=id_words, t=TAG, s=words_after_the_complement, last (id key after
# its complement), inv (亿元以上 reads 'with investment of'), after (id key after the head).

_NOUNS = """
地区生产总值|gross regional product|k=grp t=economy
生产总值|gross domestic product|k=gdp t=economy
国内生产总值|gross domestic product|k=gdp t=economy
经济总量|economic output|t=economy
增加值|value added|k=value_added
总产值|gross output value|t=industry
产值|output value
工业总产值|gross industrial output value|k=industrial_output t=industry
工业产值|industrial output value|k=industrial_output t=industry
规模以上工业|industrial enterprises above designated size|k=industry_above_size a=industrial t=industry
规上工业|industrial enterprises above designated size|k=industry_above_size a=industrial t=industry
规模以上工业企业|industrial enterprises above designated size|k=industry_above_size t=industry
规上工业企业|industrial enterprises above designated size|k=industry_above_size t=industry
规模以上企业|enterprises above designated size|k=enterprises_above_size t=industry
规上企业|enterprises above designated size|k=enterprises_above_size t=industry
规上企业数|number of enterprises above designated size|k=enterprises_above_size_count t=industry
四上企业|enterprises above designated size in the four major sectors|k=four_sector_enterprises t=economy
工业|industry|a=industrial p=- t=industry
工业企业|industrial enterprises|k=industrial_enterprises t=industry
工业行业|industrial divisions|k=industrial_divisions t=industry
工业大类行业|industrial divisions|k=industrial_divisions t=industry
工业行业大类|industrial divisions|k=industrial_divisions t=industry
行业|industries|p=- t=industry
企业|enterprises|p=-
企业数|number of enterprises|k=enterprises_count
产业|industry|a=industrial p=-
第一产业|the primary industry|k=primary_industry a=primary-industry t=agriculture
第二产业|the secondary industry|k=secondary_industry a=secondary-industry t=industry
第三产业|the tertiary industry|k=tertiary_industry a=tertiary-industry t=economy
三次产业结构比|ratio of the three industries|k=industry_structure t=economy
三次产业结构|structure of the three industries|k=industry_structure t=economy
制造业|manufacturing|p=- t=industry
装备制造业|equipment manufacturing|p=- t=industry
先进制造业|advanced manufacturing|p=- t=industry
高技术制造业|high-tech manufacturing|p=- k=high_tech_manufacturing t=industry
高新技术产业|high and new technology industries|p=- k=high_tech_industries t=industry
高新技术企业|high and new technology enterprises|k=high_tech_enterprises t=industry
战略性新兴产业|strategic emerging industries|p=- t=industry
高耗能行业|energy-intensive industries|p=- k=energy_intensive t=industry
六大高耗能行业|six energy-intensive industries|p=- k=energy_intensive t=industry
纺织业|textiles|p=- t=industry
农副食品加工业|agricultural and sideline food processing|p=- k=food_processing t=industry
非金属矿物制品业|non-metallic mineral products|p=- k=non_metallic_minerals t=industry
化学原料和化学制品制造业|chemical raw materials and chemical products|p=- k=chemicals t=industry
电气机械和器材制造业|electrical machinery and equipment|p=- k=electrical_machinery t=industry
汽车制造业|automobile manufacturing|p=- t=industry
医药制造业|pharmaceutical manufacturing|p=- t=industry
新材料|new materials|p=- t=industry
建材|building materials|p=- t=industry
电子信息|electronic information|p=- t=industry
数字经济|digital economy|p=- t=economy
建筑业|construction|p=- t=industry
文化企业|cultural enterprises|t=society
服务业|services|p=- t=economy
营利性服务业|profit-making services|p=- k=profit_services t=economy
规模以上服务业|service enterprises above designated size|k=services_above_size t=economy
限额以上单位|units above designated size|k=units_above_limit t=consumption
限上单位|units above designated size|k=units_above_limit t=consumption
限额以上商贸企业|trade enterprises above designated size|k=trade_enterprises_above_limit t=consumption
限额以上企业|enterprises above designated size|k=enterprises_above_limit t=consumption
商贸企业|trade enterprises|t=consumption
营业收入|operating revenue
主营业务收入|revenue from principal business|k=principal_revenue
利润总额|total profits|k=total_profits
利润|profits
利税|profits and taxes
税收|tax revenue|k=tax t=fiscal
税收收入|tax revenue|k=tax t=fiscal
入库税收|tax revenue collected|k=tax t=fiscal
财政收入|fiscal revenue|t=fiscal
财政总收入|total fiscal revenue|t=fiscal
一般公共预算收入|general public budget revenue|k=budget_revenue t=fiscal
一般公共预算支出|general public budget expenditure|k=budget_expenditure t=fiscal
地方一般公共预算收入|local general public budget revenue|k=local_budget_revenue t=fiscal
民生支出|expenditure on people's livelihood|k=livelihood_spending t=society
支出|expenditure|p=on
收入|income
可支配收入|disposable income
人均可支配收入|per capita disposable income|k=disposable_income t=society
居民|residents|p=-
全体居民|all residents|k=residents p=-
城镇居民|urban residents|p=- t=society
农村居民|rural residents|p=- t=society
城乡居民|urban and rural residents|p=- t=society
储蓄存款|savings deposits|p=- t=finance
城乡居民储蓄存款|household savings deposits|k=household_savings t=finance
消费|consumption|t=consumption
消费品零售额|retail sales of consumer goods|k=retail_sales t=consumption
社会消费品零售总额|total retail sales of consumer goods|k=retail_sales t=consumption
零售额|retail sales|k=retail_sales t=consumption
商品零售额|retail sales of goods|k=retail_sales t=consumption
网上零售额|online retail sales|k=online_retail_sales t=consumption
网络零售额|online retail sales|k=online_retail_sales t=consumption
实物商品网上零售额|online retail sales of physical goods|k=online_retail_sales t=consumption
餐饮收入|catering revenue|k=catering_revenue t=consumption
汽车类|automobiles|p=- t=consumption
石油及制品类|petroleum and related products|p=- k=petroleum t=consumption
消费券|consumption vouchers|p=- k=vouchers t=consumption
消费额|consumption|p=by t=consumption
居民消费价格|consumer prices|k=cpi t=consumption
居民消费价格指数|consumer price index|k=cpi t=consumption
食品价格|food prices|t=consumption
工业生产者出厂价格|producer prices for industrial products|k=ppi t=industry
价格|prices
进出口总额|total value of imports and exports|k=trade t=trade
进出口额|value of imports and exports|k=trade t=trade
进出口|imports and exports|k=trade p=- t=trade
外贸进出口|foreign trade|k=trade t=trade
出口总额|total value of exports|k=exports t=trade
出口额|value of exports|k=exports t=trade
出口|exports|t=trade
进口总额|total value of imports|k=imports t=trade
进口额|value of imports|k=imports t=trade
进口|imports|t=trade
跨境电商|cross-border e-commerce|p=- k=cross_border_ecommerce t=trade
跨境电商进出口额|cross-border e-commerce imports and exports|k=cross_border_ecommerce t=trade
电子商务交易额|e-commerce transactions|k=ecommerce t=consumption
有进出口实绩企业|enterprises with import and export performance|k=trading_enterprises t=trade
参展场次|exhibitions attended|k=exhibitions t=trade
意向订单|intended orders|p=- t=trade
订单|orders|t=trade
实际利用外资|foreign capital actually used|k=foreign_capital_used t=investment
外资|foreign capital|t=investment
外资企业|foreign-funded enterprises|k=foreign_enterprises t=investment
实际到位内资|domestic capital actually received|k=domestic_capital t=investment
到位资金|funds received|p=for k=funds_received t=investment
招商引资|investment attracted|k=investment_attracted t=investment
协议引资|contracted investment|k=contracted_investment t=investment
协议投资额|contracted investment|k=contracted_investment t=investment
协议投资|contracted investment|k=contracted_investment t=investment
引资|investment attracted|k=investment_attracted t=investment
专项债券|special-purpose bonds|p=- t=investment
专项债券资金|special-purpose bond funds|k=special_bonds t=investment
资金|funds
固定资产投资|fixed-asset investment|k=fixed_asset_investment t=investment
固定资产投资(不含农户)|fixed-asset investment (excluding rural households)|k=fixed_asset_investment t=investment
固定资产投资不含农户|fixed-asset investment (excluding rural households)|k=fixed_asset_investment t=investment
投资|investment|p=in t=investment
总投资|total investment|k=total_investment t=investment
完成投资|investment completed|p=in k=investment_completed t=investment
完成投资额|investment completed|p=in k=investment_completed t=investment
完成年度计划投资额|investment completed against the annual plan|p=in k=plan_investment_completed t=investment
年度计划投资额|annual planned investment|k=annual_planned_investment t=investment
计划投资额|planned investment|k=planned_investment t=investment
项目用地审批|land approved for projects|k=project_land_approved t=investment
投资额|investment|p=in k=investment t=investment
签约资金|contracted funds|k=contracted_funds t=investment
签约转化率|rate of conversion into signed contracts|k=signing_conversion last t=investment
计划投资|planned investment|k=planned_investment t=investment
年度计划投资|annual planned investment|k=annual_planned_investment t=investment
工业投资|industrial investment|k=industrial_investment t=investment
基础设施投资|infrastructure investment|k=infrastructure_investment t=investment
民间投资|private investment|k=private_investment t=investment
房地产开发投资|investment in real estate development|k=real_estate_investment t=investment
房地产开发|real estate development|p=- k=real_estate t=investment
制造业投资|investment in manufacturing|k=manufacturing_investment t=investment
技改投资|investment in technological upgrading|k=upgrading_investment t=investment
工业技改投资|investment in industrial technological upgrading|k=upgrading_investment t=investment
项目|projects|p=- t=investment inv
重点项目|key projects|p=- t=investment inv
产业项目|industrial projects|p=- t=investment inv
工业项目|industrial projects|p=- t=investment inv
旅游项目|tourism projects|p=- t=investment inv
民生实事|livelihood projects|t=society
民生实事项目|livelihood projects|t=society
项目用地|land for projects|k=project_land t=investment
用地|land|p=for
审批面积|area approved|k=area_approved
用地面积|land area|k=land_area
在库项目|projects in the database|k=projects_in_database t=investment inv
入库项目|projects entered into the database|k=projects_in_database t=investment inv
产能|production capacity
年产值|annual output value|k=annual_output
年税收|annual tax revenue|k=annual_tax
生产基地|production bases|p=-
就业岗位|jobs|k=jobs t=society
岗位|jobs|k=jobs t=society
就业|employment|t=society
城镇新增就业|new urban jobs|k=new_urban_jobs t=society
新增就业|new urban jobs|k=new_urban_jobs t=society
新增就业岗位|new jobs|k=new_jobs t=society
农村劳动力转移就业|rural labour force transferred to non-farm employment|k=rural_labour_transfer t=society
劳动力|workers|p=- t=society
城镇调查失业率|surveyed urban unemployment rate|k=urban_unemployment t=society
城镇登记失业率|registered urban unemployment rate|k=registered_unemployment t=society
失业率|unemployment rate|t=society
常住人口|permanent residents|k=population t=society
户籍人口|registered population|k=registered_population t=society
人口|population|t=society
出生率|birth rate|t=society
自然增长率|natural growth rate|t=society
城镇化率|urbanisation rate|t=society
粮食|grain|p=- t=agriculture
粮食产量|grain output|k=grain_output t=agriculture
粮食总产量|total output of grain|k=grain_output t=agriculture
夏粮|summer grain|p=- t=agriculture
秋粮|autumn grain|p=- t=agriculture
早稻|early rice|p=- t=agriculture
夏粮和早稻|summer grain and early rice|p=- k=summer_grain_early_rice t=agriculture
粮食播种面积|sown area of grain|k=grain_area t=agriculture
播种面积|sown area|k=sown_area t=agriculture
种植面积|area sown|k=sown_area p=to t=agriculture
产量|output
总产量|total output|k=output
肉类|meat|p=- t=agriculture
肉类总产量|total output of meat|k=meat_output t=agriculture
生猪|hogs|p=- t=agriculture
生猪出栏|hogs slaughtered|k=hogs_slaughtered t=agriculture
生猪存栏|hogs in stock|k=hogs_in_stock t=agriculture
出栏|slaughtered|t=agriculture
存栏|in stock|t=agriculture
农林牧渔业总产值|gross output value of agriculture, forestry, animal husbandry and fishery|k=farm_output t=agriculture
农业|agriculture|a=agricultural p=- t=agriculture
有效灌溉面积|effective irrigated area|k=irrigated_area t=agriculture
高标准农田|high-standard farmland|p=- k=high_standard_farmland t=agriculture
农田|farmland|p=- t=agriculture
油茶|camellia oil|p=- t=agriculture
油茶基地|camellia oil plantations|k=camellia_oil t=agriculture
基地|bases|p=-
农家乐|farm stays|p=- t=agriculture
星级农家乐|star-rated farm stays|k=star_farm_stays t=agriculture
农村公路|rural roads|k=rural_roads t=agriculture
公路|roads|p=-
农村饮水安全工程|rural drinking water safety projects|k=rural_drinking_water t=agriculture
饮水安全工程|drinking water safety projects|k=drinking_water t=agriculture
饮水问题|drinking water problems|k=drinking_water
惠农补贴资金|farm subsidies|k=farm_subsidies t=agriculture
惠农补贴|farm subsidies|k=farm_subsidies t=agriculture
农户|farm households|k=farm_households t=agriculture
村级集体经济收入|village collective income|k=village_income t=agriculture
村集体经济收入|village collective income|k=village_income t=agriculture
集体经济|collective economy|p=- t=agriculture
危房改造|renovation of dilapidated houses|k=dilapidated_houses t=society
农村危房改造|renovation of dilapidated rural houses|k=rural_dilapidated_houses t=society
棚户区改造|renovation of run-down urban areas|k=shantytown_renovation t=society
植树造林面积|area afforested|k=afforestation t=environment
造林面积|area afforested|k=afforestation t=environment
森林覆盖率|forest coverage rate|k=forest_coverage t=environment
空气质量优良天数|days with good air quality|k=good_air_days t=environment
空气质量优良率|share of days with good air quality|k=good_air_share t=environment
优良天数比例|share of days with good air quality|k=good_air_share t=environment
细颗粒物|fine particulate matter (PM2.5)|p=- k=pm25 t=environment
细颗粒物年均浓度|annual average concentration of fine particulate matter (PM2.5)|k=pm25 t=environment
年均浓度|annual average concentration|k=average_concentration t=environment
污水处理率|sewage treatment rate|k=sewage_treatment t=environment
城市污水处理率|urban sewage treatment rate|k=sewage_treatment t=environment
用水总量|total water consumption|k=water_use t=environment
用水量|water consumption|k=water_use t=environment
天然气供应量|natural gas supplied|k=gas_supplied t=industry
供应量|supply
能源消费量|energy consumption|k=energy_use t=industry
综合能源消费量|energy consumption|k=energy_use t=industry
能耗|energy consumption|k=energy_use t=industry
单位工业增加值能耗|energy consumption per unit of industrial value added|k=energy_intensity t=industry
单位地区生产总值能耗|energy consumption per unit of GRP|k=energy_intensity t=industry
用电量|electricity consumption|k=electricity t=industry
全社会用电量|total electricity consumption|k=electricity t=industry
工业用电量|industrial electricity consumption|k=industrial_electricity t=industry
发电量|electricity generated|k=electricity_generated t=industry
货运量|freight traffic|t=transport
客运量|passenger traffic|t=transport
金融机构|financial institutions|t=finance
存款余额|balance of deposits|k=deposits t=finance
人民币存款余额|balance of RMB deposits|k=rmb_deposits t=finance
人民币各项存款余额|balance of RMB deposits|k=rmb_deposits t=finance
人民币贷款余额|balance of RMB loans|k=rmb_loans t=finance
人民币各项贷款余额|balance of RMB loans|k=rmb_loans t=finance
贷款余额|balance of loans|k=loans t=finance
各项存款余额|balance of deposits|k=deposits t=finance
各项贷款余额|balance of loans|k=loans t=finance
存贷款余额|balance of deposits and loans|k=deposits_loans t=finance
存款|deposits|p=- t=finance
贷款|loans|p=- t=finance
余额|balance
贷款余额新增|increase in loans|k=loan_increase t=finance
存款余额新增|increase in deposits|k=deposit_increase t=finance
存贷比|loan-to-deposit ratio|k=loan_deposit_ratio t=finance
保费收入|premium income|t=finance
游客|tourists|p=- t=tourism
国内游客|domestic tourists|p=- t=tourism
入境游客|inbound tourists|p=- t=tourism
人次|visits|p=- k=visits
接待游客|tourist arrivals|k=tourist_arrivals t=tourism
接待国内游客|domestic tourist arrivals|k=domestic_tourists t=tourism
接待入境游客|inbound tourist arrivals|k=inbound_tourists t=tourism
接待国内游客人次|domestic tourist arrivals|k=domestic_tourists t=tourism
接待入境游客人次|inbound tourist arrivals|k=inbound_tourists t=tourism
国内游客人次|domestic tourist arrivals|k=domestic_tourists t=tourism
入境游客人次|inbound tourist arrivals|k=inbound_tourists t=tourism
过夜游客人次|overnight tourist arrivals|k=overnight_tourists t=tourism
游客人次|tourist arrivals|k=tourist_arrivals t=tourism
接待游客人次|tourist arrivals|k=tourist_arrivals t=tourism
接待游客总人次|tourist arrivals|k=tourist_arrivals t=tourism
人均停留天数|average length of stay|k=average_stay last t=tourism
人均停留|average length of stay|k=average_stay last t=tourism
旅游|tourism|p=- t=tourism
乡村旅游|rural tourism|p=- t=tourism
旅游总收入|total tourism revenue|k=tourism_revenue t=tourism
旅游综合收入|total tourism revenue|k=tourism_revenue t=tourism
旅游收入|tourism revenue|k=tourism_revenue t=tourism
人均停留天数|average length of stay|k=length_of_stay t=tourism
停留天数|length of stay|k=length_of_stay t=tourism
旅游景区|tourist attractions|p=- t=tourism
景区|scenic spots|p=- t=tourism
非物质文化遗产代表性项目|representative items of intangible cultural heritage|k=intangible_heritage t=society
非物质文化遗产|intangible cultural heritage|k=intangible_heritage t=society
市场主体|market entities|k=market_entities t=economy
营收|operating revenue|k=operating_revenue
惠及企业|enterprises benefiting|p=from k=benefiting_enterprises t=relief
惠及农户|farm households benefiting|p=from k=benefiting_households t=agriculture
六税两费|six taxes and two fees|p=- k=six_taxes_two_fees t=relief
协助企业招工|workers recruited for enterprises|k=hiring_assistance t=relief
医疗器械|medical devices|p=- t=industry
产业化项目|industrialisation project|k=industrialisation_project t=investment
通过公共网络实现的零售额|online retail sales|k=online_retail t=consumption
通过公共网络的零售额|online retail sales|k=online_retail t=consumption
植树造林|afforestation|t=environment
植树造林面积|area afforested|k=afforestation t=environment
总数|total number|k=count last
企业登记|enterprise registrations|t=economy
商品房销售面积|floor space of commercial buildings sold|k=housing_sales_area t=investment
商品房销售额|sales of commercial buildings|k=housing_sales t=investment
商品房|commercial buildings|p=- t=investment
施工面积|floor space under construction|k=floor_space_under_construction t=investment
政务服务事项|government service items|k=service_items t=services
办件量|cases handled|k=cases_handled t=services
办件|cases handled|k=cases_handled t=services
审批事项|approval items|k=approval_items t=services
审批时限|approval time|k=approval_time t=services
网上办理率|online handling rate|k=online_handling t=services
一网通办|one-stop online service|k=one_stop t=services
留抵退税|VAT credit refunds|k=vat_credit_refunds t=relief
增值税留抵退税|VAT credit refunds|k=vat_credit_refunds t=relief
减税降费|tax and fee cuts|k=tax_fee_cuts t=relief
减税|tax cuts|t=relief
降费|fee cuts|t=relief
退税|tax refunds|t=relief
纾困资金|relief funds|k=relief_funds t=relief
纾困|relief|t=relief
惠企资金|business support funds|k=business_support t=relief
惠企政策|business support policies|k=business_support t=relief
稳岗返还|job-retention refunds|k=job_retention_refunds t=relief
普惠小微贷款|inclusive loans to small and micro businesses|k=inclusive_loans t=relief
贷款支持|loan support|t=relief
担保|guarantees|t=relief
矛盾纠纷|disputes|k=disputes t=society
纠纷|disputes|k=disputes t=society
调处成功率|settlement rate|k=settlement_rate last t=society
教育|education|p=- t=society
医疗|medical care|p=- t=society
养老|elderly care|p=- t=society
学位|school places|t=society
医保|medical insurance|t=society
参保人数|people insured|k=insured t=society
人数|people|p=with k=people last
数|number|k=count last
个数|number|k=count last
场次|sessions
增速|growth|last
增长率|growth rate|last
增幅|growth|last
增长|growth|last
增长面|share with growth|k=share_growing last
涨幅|year-on-year rise|p=in k=rise last
降幅|decline|p=in k=decline last
增加|increase|p=in k=increase last
增加数|increase|p=in k=increase last
增加额|increase|p=in k=increase last
新增数|increase|p=in k=increase last
净增数|net increase|p=in k=net_increase last
净增|net increase|p=in k=net_increase last
减少|decrease|p=in k=decrease last
变动|change|p=in k=change last
增速变动|change in growth|p=of k=growth_change last
增速加快|acceleration in growth|p=of k=growth_acceleration last
增速提高|rise in growth|p=of k=growth_rise last
增速回落|slowdown in growth|p=of k=growth_slowdown last
可比增速|comparable growth|k=comparable_growth last
目标|target|p=for k=target last
预期目标|expected target|p=for k=target last
增速目标|growth target|p=for k=growth_target last
增速预期目标|expected growth target|p=for k=growth_target last
年度目标|annual target|p=for k=target last
任务|task|p=for last
比重|share|k=share last
占比|share|k=share last
比例|share|k=share last
完成率|completion rate|k=completion last
任务完成率|completion rate of the task|p=for k=completion last
年度计划完成率|completion rate of the annual plan|p=for k=plan_completion last
完成年度目标比例|share of the annual target reached|p=for k=target_reached last
完成全年任务比例|share of the annual task completed|p=for k=task_completed last
完成年度计划|share of the annual plan completed|p=for k=plan_completed last
建设|construction|last
建设任务|construction task|p=for k=construction_task
率|rate|last
总额|total|last
金额|value|last
总量|total|last
规模|size|last
数量|number|k=count last
面积|area|last
成功率|success rate|p=for k=success_rate last
GDP|gross domestic product|k=gdp t=economy
社会融资规模|aggregate financing to the real economy|k=social_financing t=finance
货物周转量|freight turnover|t=transport
旅客周转量|passenger turnover|t=transport
邮政业务总量|total volume of postal business|k=postal_business t=transport
快递业务量|express deliveries|k=express_deliveries t=transport
电信业务总量|total volume of telecommunications business|k=telecom_business t=transport
居民人均消费支出|per capita consumption expenditure of residents|k=consumption_expenditure t=consumption
人均消费支出|per capita consumption expenditure|k=consumption_expenditure t=consumption
消费支出|consumption expenditure|k=consumption_expenditure t=consumption
新能源汽车|new-energy vehicles|p=- k=nev t=industry
充电桩|charging piles|t=industry
5G基站|5G base stations|k=base_stations_5g t=industry
研发经费投入|R&D expenditure|k=rd_spending t=industry
研究与试验发展经费|R&D expenditure|k=rd_spending t=industry
专利授权量|patents granted|k=patents_granted t=industry
发明专利|invention patents|p=- t=industry
有效发明专利|valid invention patents|k=invention_patents t=industry
技术合同成交额|turnover of technology contracts|k=technology_contracts t=industry
住宿业|accommodation|p=- t=consumption
餐饮业|catering|p=- t=consumption
住宿和餐饮业|accommodation and catering|p=- k=hospitality t=consumption
批发业|wholesale|p=- t=consumption
零售业|retail|p=- t=consumption
批发和零售业|wholesale and retail trades|p=- k=wholesale_retail t=consumption
交通运输、仓储和邮政业|transport, storage and post|p=- k=transport t=transport
交通运输|transport|p=- t=transport
金融业|financial intermediation|p=- k=finance t=finance
房地产业|real estate|p=- k=real_estate t=investment
房屋施工面积|floor space of buildings under construction|k=floor_space_under_construction t=investment
新开工面积|floor space of buildings started|k=floor_space_started t=investment
房屋新开工面积|floor space of buildings started|k=floor_space_started t=investment
竣工面积|floor space of buildings completed|k=floor_space_completed t=investment
保障性住房|government-subsidised housing|p=- k=subsidised_housing t=society
养老保险|pension insurance|p=- t=society
基本养老保险|basic pension insurance|p=- k=pension_insurance t=society
医疗保险|medical insurance|p=- t=society
失业保险|unemployment insurance|p=- t=society
最低生活保障|subsistence allowances|k=subsistence_allowances t=society
低保|subsistence allowances|k=subsistence_allowances t=society
卫生技术人员|health technicians|t=society
床位|beds|t=society
医疗卫生机构|medical and health institutions|p=- k=health_institutions t=society
学校|schools|p=- t=society
在校生|students enrolled|k=students t=society
油料|oil-bearing crops|p=- t=agriculture
蔬菜|vegetables|p=- t=agriculture
水果|fruit|p=- t=agriculture
水产品|aquatic products|p=- t=agriculture
猪肉|pork|p=- t=agriculture
禽蛋|poultry eggs|p=- t=agriculture
牛奶|milk|p=- t=agriculture
林业|forestry|p=- t=agriculture
畜牧业|animal husbandry|p=- t=agriculture
渔业|fishery|p=- t=agriculture
农业机械总动力|total power of agricultural machinery|k=farm_machinery t=agriculture
土地流转|land transferred|k=land_transfer t=agriculture
农民专业合作社|farmers' cooperatives|k=cooperatives t=agriculture
家庭农场|family farms|t=agriculture
农业产业化龙头企业|leading enterprises in agricultural industrialisation|k=leading_agri_firms t=agriculture
农村人居环境|rural living environment|k=rural_living_environment t=agriculture
耕地|cultivated land|p=- t=agriculture
脱贫人口|people lifted out of poverty|k=poverty_lifted t=society
能源消费总量|total energy consumption|k=energy_use t=industry
清洁能源|clean energy|p=- t=industry
光伏|photovoltaic power|a=photovoltaic p=- t=industry
风电|wind power|p=- t=industry
装机容量|installed capacity|t=industry
二氧化碳排放|carbon dioxide emissions|k=co2_emissions t=environment
政府性基金预算收入|government fund budget revenue|k=fund_revenue t=fiscal
政府性基金|government funds|p=- t=fiscal
民营企业|private enterprises|t=economy
小微企业|small and micro businesses|t=economy
个体工商户|individually-owned businesses|k=individual_businesses t=economy
营商环境|business environment|t=services
即办件|matters handled on the spot|k=handled_on_spot t=services
承诺件|matters handled on commitment|k=handled_on_commitment t=services
政务服务|government services|p=- t=services
行政审批|administrative approval|p=- t=services
高新技术产业增加值|value added of high and new technology industries|k=value_added_high_tech t=industry
利用外资|foreign capital used|k=foreign_capital_used t=investment
外商直接投资|foreign direct investment|k=fdi t=investment
境外投资|outbound investment|k=outbound_investment t=investment
开工率|share of projects started|k=start_rate t=investment
投产率|share of projects put into operation|k=operation_rate t=investment
签约金额|value of contracts signed|k=signed_value t=investment
签约额|value of contracts signed|k=signed_value t=investment
投资总额|total investment|k=total_investment t=investment
计划项目|planned projects|p=- t=investment inv
年度计划项目|projects in the annual plan|p=- k=annual_plan_projects t=investment inv
计划|plan|p=for
年度计划|annual plan|p=for k=annual_plan
进度|progress
投资完成进度|investment progress|k=investment_progress t=investment
超序时进度|lead over the time-proportional schedule|k=lead_over_schedule t=investment
超时间进度|lead over the time-proportional schedule|k=lead_over_schedule t=investment
快于全市进度|lead|s=over_the_city's_progress k=lead_over_city last
快于全省进度|lead|s=over_the_province's_progress k=lead_over_province last
快于全县进度|lead|s=over_the_county's_progress k=lead_over_county last
完成全年计划|share of the annual plan completed|p=for k=plan_completed last
全市排位|rank in the city|k=rank_in_city last
全省排位|rank in the province|k=rank_in_province last
排位|rank|last
倍数|multiple|last
净增加|net increase|p=in k=net_increase last
新兴产业|emerging industries|p=- k=emerging_industries t=industry
园区|industrial parks|p=- k=parks t=investment
产业园|industrial park|p=- k=industrial_park t=investment
工业园区|industrial parks|p=- k=industrial_parks t=investment
交通|transport|p=- t=transport
信息|information
措施|measures|p=-
领导|leaders
干部|officials
志愿者|volunteers
人才|talent
农作物|crops|p=- t=agriculture
经济作物|cash crops|p=- t=agriculture
烟叶|tobacco|p=- t=agriculture
茶叶|tea|p=- t=agriculture
茶园|tea gardens|p=- t=agriculture
甜瓜|melons|p=- t=agriculture
中药材|Chinese medicinal herbs|p=- k=medicinal_herbs t=agriculture
受灾面积|area affected by disasters|k=area_affected t=agriculture
成灾面积|area seriously affected by disasters|k=area_damaged t=agriculture
损失|losses
直接经济损失|direct economic losses|k=direct_losses
港口|port|p=- t=transport
集装箱吞吐量|container throughput|k=container_throughput t=transport
货物吞吐量|cargo throughput|k=cargo_throughput t=transport
吞吐量|throughput|t=transport
建设用地|land for construction|k=construction_land t=investment
工业用地|industrial land|k=industrial_land t=investment
小区|residential estates|p=- k=estates t=society
出入口|entrances
老旧小区改造|renovation of old residential estates|k=old_estate_renovation t=society
社会保险费|social insurance contributions|k=social_insurance_fees t=relief
失业保险费|unemployment insurance contributions|k=unemployment_insurance_fees t=relief
工伤保险费|work-injury insurance contributions|k=injury_insurance_fees t=relief
养老保险费|pension insurance contributions|k=pension_insurance_fees t=relief
事项|matters
业务|cases
年产能|annual production capacity|k=annual_capacity
单机容量|capacity per unit|k=unit_capacity t=industry
发电机组|generating units|p=- t=industry
超时序进度|lead over the time-proportional schedule|k=lead_over_schedule t=investment
时序进度|time-proportional schedule|k=schedule t=investment
高于全市|lead|s=over_the_city k=lead_over_city last
高于全省|lead|s=over_the_province k=lead_over_province last
高于全国|lead|s=over_the_country k=lead_over_country last
进出口总值|total value of imports and exports|k=trade t=trade
外贸总值|total value of foreign trade|k=trade t=trade
出口总值|total value of exports|k=exports t=trade
进口总值|total value of imports|k=imports t=trade
一般贸易|general trade|p=- t=trade
加工贸易|processing trade|p=- t=trade
增值税|value-added tax|k=vat t=fiscal
企业所得税|corporate income tax|k=corporate_income_tax t=fiscal
个人所得税|individual income tax|k=individual_income_tax t=fiscal
非税收入|non-tax revenue|k=non_tax_revenue t=fiscal
纳税人|taxpayers|p=- t=fiscal
年度预算|annual budget|p=for k=annual_budget
年度预算完成率|share of the annual budget|s=collected k=budget_completion last
收窄|narrowing|k=narrowing last
扩大|widening|k=widening last
低于全年目标|shortfall|s=against_the_annual_target k=shortfall_against_target last
落后序时进度|lag behind the time-proportional schedule|k=lag_behind_schedule t=investment
促消费活动|consumption promotion events|k=promotion_events t=consumption
食品烟酒类|food, tobacco and liquor|p=- k=food_tobacco_liquor t=consumption
营业利润|operating profit|k=operating_profit
信息传输、软件和信息技术服务业|information transmission, software and IT services|p=- k=it_services t=economy
租赁和商务服务业|leasing and business services|p=- k=leasing_business_services t=economy
科学研究和技术服务业|scientific research and technical services|p=- k=research_services t=economy
期末从业人员|persons employed at the end of the period|k=employed_at_period_end t=society
本外币|in domestic and foreign currencies|p=- k=all_currencies t=finance
涉农贷款|agriculture-related loans|k=agricultural_loans t=finance
续贷展期|loan renewals or extensions|k=loan_renewals t=finance
加权平均利率|weighted average interest rate|k=weighted_rate t=finance
上市后备企业|enterprises in the pre-listing pool|k=pre_listing_enterprises t=finance
能繁母猪|breeding sows|p=- t=agriculture
惠民补贴|subsidies to residents|k=resident_subsidies t=society
"""  # noqa: E501 (one term a line)

# adjectives before the next noun
_PRE = """
城镇|urban
城市|urban
农村|rural
乡村|rural
城乡|urban and rural|k=urban_rural
全市|the city's|k=city
全县|the county's|k=county
全区|the district's|k=district
全镇|the town's|k=town
全省|the province's|k=province
全社会|total|k=total
人均|per capita
新增|new
新|new
新建|new
新建改造|built or upgraded|k=built_upgraded
新发展|new|k=new
新评定|newly rated|k=newly_rated
新登记|newly registered
新注册|newly registered
累计|cumulative
全年|annual
年度|annual
当年|this year's|k=year
季度|quarterly
月度|monthly
民间|private
国有|state-owned
外商|foreign
外资|foreign-funded|k=foreign
内资|domestic
省级|provincial
市级|municipal
县级|county
国家级|national
重点|key
重大|major
亿元|100-million-yuan|k=100m
基础设施|infrastructure
节假日|holiday
假日|holiday
国内|domestic
入境|inbound
过夜|overnight
高技术|high-tech
高新技术|high-tech|k=high_tech
数字|digital
绿色|green
文化|cultural
体育|sports
科技|technology
工业|industrial
农业|agricultural
商业|commercial
住宅|residential
网上|online
线上|online
跨境|cross-border
人民币|RMB
全部|all
主要|major
一般|general
两大|the two|k=two
三大|the three|k=three
A级|A-grade|k=a_grade
其他|other
登记|registered
新兴|emerging
国内生产|domestic
中小|small and medium-sized|k=sme
小微|small and micro|k=small_micro
民营|private
实有|existing
传统|traditional
计划实施|planned|k=planned
省市县|provincial, municipal and county|k=provincial_municipal_county
"""

# modifiers after the next noun
_POST = """
新入规|newly above designated size|k=new_above_size after
入规|newly above designated size|k=new_above_size after
规模以上|above designated size|k=above_size after
规上|above designated size|k=above_size after
限额以上|above designated size|k=above_limit after
限上|above designated size|k=above_limit after
签约|signed
新签约|signed|k=signed
开工|started
新开工|newly started|k=new_started
集中开工|started|k=started
竣工|completed
投产|put into operation|k=operating
建成投产|put into operation|k=operating
在建|under construction|k=under_construction
续建|continuing construction|k=continuing
实施|under way|k=under_way
在库|in the database|k=in_database after
入库|entered into the database|k=entered after
新引进|attracted|k=attracted
引进|attracted
招引|attracted
未按期开工|not started on schedule|k=not_started
已建成|built
建成|completed
增长的|with growth|k=growing
增加值增长的|with growing value added|k=growing
有进出口实绩|with import and export performance|k=trading after
争取|obtained
发放|issued
解决|solved
惠及|benefiting
受理|received
调处成功|settled
调处|mediated
提供|created
带动|driven
计划开工|planned to start|k=planned_start
在谈|in negotiation|k=in_negotiation
调度|under scheduling|k=scheduled
重点调度|under key scheduling|k=key_scheduled
受惠|benefiting
减免|reduced or waived|k=reduced_waived
供应|supplied
收集|collected
下放|delegated
建成投用|put into use|k=in_use
投用|put into use|k=in_use
签约落地|signed and landed|k=landed
落地|landed
注销|deregistered
进出口实绩|with import and export records|k=trading after
对东盟|with ASEAN|k=asean after
对欧盟|with the European Union|k=eu after
开工建设|started|k=started
"""

# phrases after the next noun's complement
_TAIL = """
比年初|since the start of the year|k=ytd
较年初|since the start of the year|k=ytd
比上年|over the previous year|k=yoy
比去年|over the previous year|k=yoy
比去年同期|over the same period last year|k=yoy
较去年同期|over the same period last year|k=yoy
同比|year on year|k=yoy
年末|at year-end|k=year_end
年初|at the start of the year|k=year_start
月末|at month-end|k=month_end
达产后|at full capacity|k=full_capacity
建成后|when completed|k=when_completed
"""

_FILLER = """
的
已
各项
实现
完成
共
共计
合计
其中
全部
集中
组织
各类
办理
可
"""


def _parse(table: str, kind: Kind) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for line in table.strip().splitlines():
        zh, _, rest = line.partition("|")
        en, _, opts = rest.partition("|")
        values: dict[str, str] = {}
        flags: set[str] = set()
        for opt in opts.split():
            name, eq, value = opt.partition("=")
            if eq:
                values[name] = value
            else:
                flags.add(name)
        prep = values.get("p", "of")
        terms[zh] = Term(
            zh=zh,
            en=en,
            kind=kind,
            prep="" if prep == "-" else prep,
            adj=values.get("a", ""),
            key=values.get("k", ""),
            tag=values.get("t", ""),
            key_last="last" in flags,
            amount_as_investment="inv" in flags,
            after=values.get("s", "").replace("_", " "),
            key_after_head="after" in flags,
        )
    return terms


def _build() -> dict[str, Term]:
    glossary: dict[str, Term] = {}
    for table, kind in ((_FILLER, "filler"), (_TAIL, "tail"), (_POST, "post"), (_PRE, "pre")):
        glossary.update(_parse(table, kind))  # type: ignore[arg-type]
    glossary.update(_parse(_NOUNS, "noun"))  # a noun wins over a modifier of the same spelling
    return glossary


GLOSSARY: dict[str, Term] = _build()
_LONGEST = max(len(zh) for zh in GLOSSARY)

# amounts before 以上: 亿元以上, 10亿元以上, 5000万元以上 (also 及以上)
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)?(万元|亿元)(?:及)?以上")
_OVER = re.compile(r"(?:超过|超)(\d+(?:\.\d+)?)(万元|亿元)")
_GRADE = re.compile(r"(\d)A级及以上")
_YEAR = re.compile(r"(?:比|较)(\d{4})年(?:同期)?")
_QUOTES = "\"'“”‘’「」《》"
_SPACE = re.compile(r"\s+")


def _amount_words(number: str | None, unit: str) -> str:
    """10亿元 -> 1 billion yuan, 5000万元 -> 50 million yuan: exact, in the words of english.py."""
    value = Decimal(number or "1") * (Decimal(100_000_000) if unit == "亿元" else Decimal(10_000))
    for scale, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if value >= scale:
            shown = (value / scale).normalize()
            return f"{shown:f} {word} yuan"
    return f"{value.normalize():f} yuan"


def _amount_key(number: str | None, unit: str) -> str:
    words = _amount_words(number, unit).replace(" yuan", "").replace(" billion", "bn")
    return "over_" + words.replace(" million", "m").replace(".", "_")


@dataclass
class _Token:
    term: Term | None  # None: not in the glossary
    text: str
    amount: tuple[str, str] | None = None  # (the words, the id words) of 亿元以上, 超10亿元


def _special(name: str, at: int) -> _Token | None:
    """A term read by pattern rather than looked up: amounts, grades, years."""
    for pattern, wording in ((_AMOUNT, "{} or more"), (_OVER, "more than {}")):
        match = pattern.match(name, at)
        if match:
            words = wording.format(_amount_words(match.group(1), match.group(2)))
            term = Term(match.group(0), f"of {words}", "post", key="")
            key = _amount_key(match.group(1), match.group(2))
            return _Token(term, match.group(0), (words, key))
    match = _GRADE.match(name, at)
    if match:
        grade = match.group(1)
        en = f"{grade}A-grade or higher"
        return _Token(Term(match.group(0), en, "pre", key=f"grade_{grade}a_up"), match.group(0))
    match = _YEAR.match(name, at)
    if match:
        year = match.group(1)
        return _Token(
            Term(match.group(0), f"over {year}", "tail", key=f"on_{year}"), match.group(0)
        )
    return None


def _segment(name: str) -> list[_Token]:
    """Longest match, left to right; characters no term starts at gather into unknown runs."""
    tokens: list[_Token] = []
    at = 0
    while at < len(name):
        token = _special(name, at)
        if token is None:
            for size in range(min(_LONGEST, len(name) - at), 0, -1):
                term = GLOSSARY.get(name[at : at + size])
                if term is not None:
                    token = _Token(term, term.zh)
                    break
        if token is None:
            if tokens and tokens[-1].term is None:
                tokens[-1].text += name[at]
            else:
                tokens.append(_Token(None, name[at]))
            at += 1
            continue
        tokens.append(token)
        at += len(token.text)
    return tokens


@dataclass
class _Phrase:
    """A noun phrase: adjectives, a head, modifiers, the phrase it is of, tails."""

    head: _Token
    pre: list[_Token] = field(default_factory=list)
    post: list[_Token] = field(default_factory=list)
    comp: _Phrase | None = None
    tails: list[_Token] = field(default_factory=list)


def _head_term(token: _Token) -> Term:
    return token.term or Term(token.text, token.text, key="")


def _attach(tokens: list[_Token]) -> _Phrase | None:
    """The phrase the tokens make: each noun takes the phrase before it as its complement or,
    for nouns that take it as an attribute (项目, 企业 …), the phrase goes before it."""
    phrase: _Phrase | None = None
    pre: list[_Token] = []
    post: list[_Token] = []
    tails: list[_Token] = []
    for token in tokens:
        kind = token.term.kind if token.term else "noun"
        if kind == "filler":
            continue
        if kind == "pre":
            pre.append(token)
        elif kind == "post":
            post.append(token)
        elif kind == "tail":
            tails.append(token)
        else:
            new = _Phrase(token, pre, post, None, tails)
            pre, post, tails = [], [], []
            if phrase is not None:
                term = _head_term(token)
                own = new.pre or new.post
                if term.prep == "" and phrase.comp is None and token.term is not None and not own:
                    # 工业项目: industrial projects; 签约先进制造业项目: advanced … projects signed
                    new.pre = [*phrase.pre, _Token(_as_attribute(phrase.head), ""), *new.pre]
                    new.post = [*phrase.post, *new.post]
                    new.tails = [*phrase.tails, *new.tails]
                else:
                    new.comp = phrase
            phrase = new
    if phrase is None:
        return None
    phrase.pre = [*phrase.pre, *pre]
    phrase.post = [*phrase.post, *post]
    phrase.tails = [*phrase.tails, *tails]
    return phrase


def _as_attribute(token: _Token) -> Term:
    term = _head_term(token)
    en = term.adj or term.en
    if en.startswith("the "):
        en = en[4:]
    key = term.key or _words_key(term.en)
    return Term(term.zh, en, "pre", key=key, tag=term.tag)


def _post_text(token: _Token, head: Term) -> str:
    if token.amount is not None:
        lead = "with investment of" if head.amount_as_investment else "of"
        return f"{lead} {token.amount[0]}"
    return _head_term(token).en


def _render(phrase: _Phrase) -> str:
    head = _head_term(phrase.head)
    words = [_head_term(t).en for t in phrase.pre]
    words.append(head.en)
    words.extend(_post_text(t, head) for t in phrase.post)
    if phrase.comp is not None:
        words.append(f"{head.prep or 'of'} {_render(phrase.comp)}")
    words.append(head.after)
    words.extend(_head_term(t).en for t in phrase.tails)
    return " ".join(w for w in words if w)


_SHARE = re.compile(r"^(.*?)占(.+?)(?:的)?(比重|比例|份额|比)$")


def _compose(name: str) -> tuple[str, list[str], _Phrase | None, _Phrase | None]:
    """(English, untranslated runs, the phrase, and for 甲占乙比重 the phrase of 乙)."""
    share = _SHARE.match(name)
    if share:
        part_tokens, whole_tokens = _segment(share.group(1)), _segment(share.group(2))
        unknown = [t.text for t in (*part_tokens, *whole_tokens) if t.term is None]
        part, whole = _attach(part_tokens), _attach(whole_tokens)
        if whole is not None:
            text = "share"
            if part is not None:
                text += f" of {_render(part)}"
            text += f" in {_render(whole)}"
            return text, unknown, part, whole
    tokens = _segment(name)
    phrase = _attach(tokens)
    unknown = [t.text for t in tokens if t.term is None]
    return (_render(phrase) if phrase else ""), unknown, phrase, None


def _clean(name: str) -> str:
    """Without spaces and quotes, full-width brackets as ASCII ones."""
    text = _SPACE.sub("", name.strip()).replace("\uff08", "(").replace("\uff09", ")")
    return "".join(c for c in text if c not in _QUOTES)


def english_name(name_zh: str) -> EnglishName:
    """The English of an indicator's Chinese name, composed from the glossary.

    规模以上工业企业营业收入 -> "operating revenue of industrial enterprises above designated size";
    a part the glossary does not know stays in Chinese in *text* and the result is not complete.
    """
    name = _clean(name_zh)
    text, unknown, _phrase, _whole = _compose(name)
    complete = bool(text) and not unknown
    return EnglishName(text, complete, unknown)


# ---------------------------------------------------------------------------------------------
# Ids

_ID_FILLER = frozenset(
    ("of", "the", "a", "an", "and", "in", "on", "for", "with", "to", "at", "by", "or", "from")
) | {"designated"}
_ID_LIMIT = 40


def _words_key(en: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", en.lower()).split()
    return "_".join(w for w in words if w not in _ID_FILLER)


def _key(token: _Token) -> str:
    if token.amount is not None:
        return token.amount[1]
    term = _head_term(token)
    return term.key or _words_key(term.en)


def _id_words(phrase: _Phrase) -> list[str]:
    """Adjectives and participles, the head, other modifiers, then the complement; a measure
    such as growth or share goes after its complement (fixed_asset_investment_growth)."""
    head = _head_term(phrase.head)
    participles = [t for t in phrase.post if t.amount is None and not _head_term(t).key_after_head]
    amounts = [t for t in phrase.post if t not in participles]
    words = [_key(t) for t in (*phrase.pre, *participles)]
    inner = _id_words(phrase.comp) if phrase.comp is not None else []
    if head.key_last:
        words = [*words, *inner, _key(phrase.head)]
    else:
        words = [*words, _key(phrase.head), *[_key(t) for t in amounts], *inner]
        amounts = []
    words.extend(_key(t) for t in amounts)
    words.extend(_key(t) for t in phrase.tails)
    return words


def _dedupe(words: list[str]) -> list[str]:
    """Drop a word repeated next to itself (industry_industry) and empty ones."""
    parts = [p for w in words for p in w.split("_") if p]
    out: list[str] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    return out


def _shorten(parts: list[str], keep: int) -> str:
    """At most _ID_LIMIT characters: words are dropped from the end of the body, the last *keep*
    words (the measure: growth, share, target …) stay."""
    body, tail = parts[: len(parts) - keep], parts[len(parts) - keep :]
    text = "_".join(parts)
    while len(text) > _ID_LIMIT and len(body) > 1:
        body = body[:-1]
        text = "_".join([*body, *tail])
    return text[:_ID_LIMIT].strip("_")


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def indicator_id(name_zh: str, taken: set[str]) -> str:
    """A readable snake_case ASCII id for an indicator named *name_zh*, not in *taken*.

    固定资产投资 -> fixed_asset_investment, 签约项目 -> signed_projects; a second one gets _2.
    A name the glossary cannot translate completely gets indicator_01, indicator_02 … (the first
    free one): an id is never made from a partial translation.
    """
    name = _clean(name_zh)
    text, unknown, phrase, whole = _compose(name)
    if not text or unknown or (phrase is None and whole is None):
        return _fallback(taken)
    words: list[str] = []
    keep = 0
    if whole is not None:
        words = [*(_id_words(phrase) if phrase else []), "share", *_id_words(whole)]
    elif phrase is not None:
        words = _id_words(phrase)
        head = _head_term(phrase.head)
        if head.key_last and not phrase.tails:
            keep = len(_dedupe([_key(phrase.head)]))
    base = _shorten(_dedupe(words), keep)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", base):
        return _fallback(taken)
    return _unique(base, taken)


def _fallback(taken: set[str]) -> str:
    n = 1
    while f"indicator_{n:02d}" in taken:
        n += 1
    return f"indicator_{n:02d}"


# ---------------------------------------------------------------------------------------------
# Themes

# subject -> words that name it, in theme ids, Chinese theme names and English theme names
_SUBJECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "investment": (("investment", "project"), ("项目", "投资", "招商"), ("project", "investment")),
    "industry": (("industry", "industrial"), ("工业", "制造"), ("industr", "manufactur")),
    "relief": (("relief",), ("纾困", "惠企", "减税", "退税", "助企"), ("relief",)),
    "agriculture": (
        ("agriculture", "rural", "farm"),
        ("农业", "农村", "乡村", "三农", "粮食"),
        ("agricultur", "rural", "farm"),
    ),
    "services": (
        ("services", "government"),
        ("政务", "审批", "营商"),
        ("government service", "administrative", "business environment"),
    ),
    "society": (
        ("society", "social", "livelihood", "welfare"),
        ("民生", "就业", "社会事业"),
        ("people", "society", "social", "livelihood", "welfare", "employment"),
    ),
    "consumption": (
        ("consumption", "retail", "commerce"),
        ("消费", "零售", "商贸", "市场"),
        ("consum", "retail", "commerce"),
    ),
    "tourism": (("tourism", "travel"), ("旅游", "文旅"), ("touris", "travel")),
    "trade": (
        ("trade", "export", "opening"),
        ("外贸", "进出口", "开放", "外经"),
        ("trade", "export"),
    ),
    "finance": (("finance", "financial", "bank"), ("金融", "存贷"), ("financ", "bank", "credit")),
    "fiscal": (("fiscal", "budget", "revenue"), ("财政", "税收", "财税"), ("fiscal", "budget")),
    "economy": (("economy", "overview"), ("经济", "综合"), ("econom", "overview")),
    "transport": (("transport", "logistics"), ("交通", "物流", "运输"), ("transport", "logistic")),
    "environment": (
        ("environment", "ecology"),
        ("生态", "环境", "环保"),
        ("environment", "ecolog"),
    ),
}

# the words of a name that tell its subject, strongest first (a project of a factory is a project)
_SUBJECT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("relief", ("退税", "减税", "降费", "纾困", "贷款支持", "惠企", "稳岗", "缓缴", "减免")),
    (
        "investment",
        ("项目", "投资", "签约", "开工", "竣工", "投产", "招商", "引资", "外资", "内资"),
    ),
    ("services", ("政务", "办件", "审批", "一网通办", "网办", "即办", "营商环境")),
    ("society", ("就业", "失业", "教育", "医疗", "民生", "养老", "社保", "医保", "学位", "纠纷")),
    ("tourism", ("旅游", "游客", "景区", "农家乐")),
    ("consumption", ("零售", "消费", "餐饮", "商贸", "限额以上", "电商", "价格")),
    ("trade", ("进出口", "出口", "进口", "外贸", "参展", "订单")),
    ("finance", ("存款", "贷款", "金融", "存贷", "储蓄", "保费")),
    ("fiscal", ("财政", "税收", "预算收入", "预算支出", "一般公共预算")),
    (
        "agriculture",
        ("粮食", "农业", "乡村", "农村", "农田", "生猪", "早稻", "夏粮", "秋粮", "农户"),
    ),
    ("industry", ("工业", "规上", "规模以上", "用电", "制造", "产值", "能耗", "能源")),
    ("economy", ("生产总值", "产业", "增加值")),
    ("environment", ("空气", "森林", "造林", "污水", "用水", "颗粒物")),
)


def _phrase_tags(phrase: _Phrase | None) -> list[str]:
    """The tags of a phrase from its head inwards: the head speaks before its complement,
    the complement before the adjectives and modifiers."""
    if phrase is None:
        return []
    tags = [_head_term(phrase.head).tag]
    tags.extend(_phrase_tags(phrase.comp))
    tags.extend(_head_term(t).tag for t in (*phrase.pre, *phrase.post))
    return [t for t in tags if t]


def subject_of(name_zh: str) -> str | None:
    """The subject of an indicator (investment, industry, relief, agriculture, services, society,
    consumption, tourism, trade, finance, fiscal, economy, transport, environment) or None."""
    name = _clean(name_zh)
    for subject, words in _SUBJECT_WORDS[:1]:  # relief speaks first, whatever the head
        if any(w in name for w in words):
            return subject
    _text, _unknown, phrase, whole = _compose(name)
    tags = _phrase_tags(phrase) + _phrase_tags(whole)
    if tags:
        return tags[0]
    for subject, words in _SUBJECT_WORDS:
        if any(w in name for w in words):
            return subject
    return None


def _theme_score(subject: str, theme_id: str, zh: str, en: str) -> int:
    ids, zh_words, en_words = _SUBJECTS[subject]
    score = 0
    if theme_id.lower() in ids:
        score += 4
    score += 2 * sum(w in theme_id.lower() for w in ids if theme_id.lower() not in ids)
    score += 2 * sum(w in zh for w in zh_words)
    score += sum(w in en.lower() for w in en_words)
    return score


def theme_for(name_zh: str, themes: Mapping[str, tuple[str, str]]) -> str | None:
    """The id of the theme among *themes* (id -> (Chinese name, English name)) an indicator
    named *name_zh* belongs to, by its subject: 签约项目 -> the investment theme, 规上工业企业
    营业收入 -> industry; None when no theme of the file speaks of that subject."""
    subject = subject_of(name_zh)
    if subject is None:
        return None
    best: tuple[int, str] | None = None
    for theme_id, (zh, en) in themes.items():
        score = _theme_score(subject, theme_id, zh, en)
        if score and (best is None or score > best[0]):
            best = (score, theme_id)
    return best[1] if best is not None else None
