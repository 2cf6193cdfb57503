/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-generate.h"

typedef struct
{
  const char *hanzi;
  const char *pinyin;
} Syllable;

static const Syllable surnames[] = {
  { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" },
  { "陈", "chen" }, { "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" },
  { "吴", "wu" }, { "周", "zhou" }, { "徐", "xu" }, { "孙", "sun" },
  { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" }, { "郭", "guo" },
  { "何", "he" }, { "高", "gao" }, { "林", "lin" }, { "罗", "luo" },
  { "郑", "zheng" }, { "梁", "liang" }, { "谢", "xie" }, { "宋", "song" },
  { "唐", "tang" }, { "许", "xu" }, { "韩", "han" }, { "冯", "feng" },
  { "邓", "deng" }, { "曹", "cao" }, { "彭", "peng" }, { "曾", "zeng" },
  { "肖", "xiao" }, { "田", "tian" }, { "董", "dong" }, { "袁", "yuan" },
  { "潘", "pan" }, { "于", "yu" }, { "蒋", "jiang" }, { "蔡", "cai" },
  { "余", "yu" }, { "杜", "du" }, { "叶", "ye" }, { "程", "cheng" },
  { "苏", "su" }, { "魏", "wei" }, { "吕", "lv" }, { "丁", "ding" },
  { "任", "ren" }, { "沈", "shen" }, { "姚", "yao" }, { "卢", "lu" },
  { "姜", "jiang" }, { "崔", "cui" }, { "钟", "zhong" }, { "谭", "tan" },
  { "陆", "lu" }, { "汪", "wang" }, { "范", "fan" }, { "金", "jin" },
  { "石", "shi" }, { "廖", "liao" }, { "贾", "jia" }, { "夏", "xia" },
  { "韦", "wei" }, { "付", "fu" }, { "方", "fang" }, { "白", "bai" },
  { "邹", "zou" }, { "孟", "meng" }, { "熊", "xiong" }, { "秦", "qin" },
  { "邱", "qiu" }, { "江", "jiang" }, { "尹", "yin" }, { "薛", "xue" },
  { "闫", "yan" }, { "段", "duan" }, { "雷", "lei" }, { "侯", "hou" },
};

static const Syllable given_chars[] = {
  { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" },
  { "静", "jing" }, { "丽", "li" }, { "强", "qiang" }, { "磊", "lei" },
  { "军", "jun" }, { "洋", "yang" }, { "勇", "yong" }, { "艳", "yan" },
  { "杰", "jie" }, { "娟", "juan" }, { "涛", "tao" }, { "明", "ming" },
  { "超", "chao" }, { "秀", "xiu" }, { "霞", "xia" }, { "平", "ping" },
  { "刚", "gang" }, { "桂", "gui" }, { "英", "ying" }, { "华", "hua" },
  { "建", "jian" }, { "国", "guo" }, { "文", "wen" }, { "辉", "hui" },
  { "玲", "ling" }, { "红", "hong" }, { "鹏", "peng" }, { "宇", "yu" },
  { "浩", "hao" }, { "凯", "kai" }, { "健", "jian" }, { "俊", "jun" },
  { "帆", "fan" }, { "琳", "lin" }, { "晨", "chen" }, { "欣", "xin" },
  { "婷", "ting" }, { "雪", "xue" }, { "慧", "hui" }, { "颖", "ying" },
  { "佳", "jia" }, { "倩", "qian" }, { "志", "zhi" }, { "海", "hai" },
  { "峰", "feng" }, { "斌", "bin" }, { "波", "bo" }, { "宁", "ning" },
  { "博", "bo" }, { "彬", "bin" }, { "睿", "rui" }, { "瑞", "rui" },
  { "振", "zhen" }, { "兴", "xing" }, { "春", "chun" }, { "梅", "mei" },
  { "兰", "lan" }, { "燕", "yan" }, { "莉", "li" }, { "萍", "ping" },
  { "琴", "qin" }, { "云", "yun" }, { "飞", "fei" }, { "龙", "long" },
  { "成", "cheng" }, { "东", "dong" }, { "亮", "liang" }, { "立", "li" },
  { "新", "xin" }, { "晓", "xiao" }, { "光", "guang" }, { "天", "tian" },
  { "玉", "yu" }, { "德", "de" }, { "嘉", "jia" }, { "思", "si" },
};

static const char *functional_departments[] = {
  "党群办", "办公室", "用电科", "生技科", "纪监室", "稽审科", "保卫科",
  "安监科", "财务科", "人资科", "发展策划部", "营销部", "运维检修部",
  "调度控制中心", "信息通信中心", "物资供应中心", "电能计量中心",
  "客户服务中心", "法律事务科", "审计科", "工会", "团委", "后勤服务中心",
  "建设部", "科技互联网部", "农电工作部", "配网抢修中心", "输电运检班",
  "变电运维班", "直属供电所",
};

static const char *town_prefixes[] = {
  "东", "西", "南", "北", "新", "城", "河", "石", "柳", "桥", "白", "青",
};

static const char *town_suffixes[] = {
  "关", "湖", "桥", "庄", "店", "集", "镇", "坝", "岭", "口",
  "湾", "塘", "林", "山", "河", "坪", "岗", "园", "堡", "头",
};

static const char *office_titles[] = {
  "科长", "副科长", "主任", "副主任", "专责", "专责", "科员", "科员",
  "科员", "工程师", "工程师", "技术员", "高级工程师", "",
};

static const char *station_titles[] = {
  "所长", "副所长", "营业班长", "营业员", "营业员", "抄表员", "电工",
  "电工", "台区经理", "台区经理", "安全员", "",
};

static const char *company_heads[] = {
  "华能", "东方", "宏达", "金石", "恒通", "天成", "永兴", "鑫源", "瑞丰",
  "新城", "长江", "鸿运", "兴隆", "泰和", "安康", "富民", "正大", "远航",
};

static const char *company_tails[] = {
  "纸业有限公司", "纺织厂", "化工集团", "机械制造有限公司", "食品有限公司",
  "建材厂", "物流园", "水泥有限公司", "钢铁公司", "医药有限公司",
  "实验中学", "人民医院", "污水处理厂", "农业专业合作社", "商贸城",
};

static const char *estate_heads[] = {
  "幸福", "阳光", "锦绣", "和平", "翠苑", "金桥", "滨江", "书香", "富康",
  "丽景", "朝阳", "春晖",
};

static const char *estate_tails[] = {
  "小区", "花园", "家园", "新村", "苑",
};

static const char *publicity_topics[] = {
  "安全用电知识宣传", "电价政策宣传", "反窃电专项宣传", "节约用电宣传",
  "电力设施保护宣传", "优质服务承诺宣传", "线上办电推广",
};

static const char *meeting_titles[] = {
  "服务周工作例会", "服务质量分析会", "迎检准备会", "走访情况碰头会",
};

static const char *other_titles[] = {
  "服务周资料整理", "服务台物资清点", "现场安全检查", "宣传展板制作",
};

static const char *places[] = {
  "公司一楼营业大厅", "人民广场", "三楼会议室", "多功能厅", "城东工业园",
  "开发区管委会", "县政务服务中心", "文化广场", "体育中心东门",
  "客户服务中心二楼", "五楼大会议室", "火车站广场",
};

typedef struct
{
  const char *name;
  gboolean    prefer_department;
} DutyTemplate;

static const DutyTemplate duties_mobilisation[] = {
  { "主持", FALSE }, { "讲话", FALSE }, { "会务", TRUE }, { "签到", TRUE },
  { "摄影报道", TRUE },
};
static const DutyTemplate duties_visit[] = {
  { "带队走访", FALSE }, { "需求记录", TRUE }, { "技术答疑", TRUE },
  { "安全检查", TRUE }, { "满意度回访", FALSE },
};
static const DutyTemplate duties_forum[] = {
  { "主持", FALSE }, { "情况介绍", TRUE }, { "会议记录", TRUE },
  { "会务签到", FALSE }, { "音响保障", TRUE },
};
static const DutyTemplate duties_desk[] = {
  { "受理报装/咨询", TRUE }, { "现场抢修", TRUE }, { "受理举报投诉", TRUE },
  { "发放资料", FALSE }, { "布置现场", FALSE },
};
static const DutyTemplate duties_on_site[] = {
  { "线路巡视", TRUE }, { "设备检查", TRUE }, { "用电指导", FALSE },
  { "现场记录", FALSE }, { "安全监护", TRUE },
};
static const DutyTemplate duties_publicity[] = {
  { "资料发放", FALSE }, { "政策讲解", TRUE }, { "摄影报道", FALSE },
  { "横幅布置", FALSE },
};
static const DutyTemplate duties_meeting[] = {
  { "主持", FALSE }, { "汇报", TRUE }, { "记录", FALSE },
};
static const DutyTemplate duties_other[] = {
  { "负责人", FALSE }, { "协助", FALSE }, { "检查", TRUE },
};

typedef struct
{
  const DutyTemplate *duties;
  guint               n_duties;
  int                 min_minutes;
  int                 max_minutes;
  int                 weight;
} KindInfo;

#define KIND(d, lo, hi, w) { d, G_N_ELEMENTS (d), lo, hi, w }
static const KindInfo kind_info[SW_N_SLOT_KINDS] = {
  [SW_SLOT_KIND_MOBILISATION] = KIND (duties_mobilisation, 90, 120, 0),
  [SW_SLOT_KIND_VISIT] = KIND (duties_visit, 90, 180, 25),
  [SW_SLOT_KIND_FORUM] = KIND (duties_forum, 90, 150, 10),
  [SW_SLOT_KIND_SERVICE_DESK] = KIND (duties_desk, 120, 240, 20),
  [SW_SLOT_KIND_ON_SITE] = KIND (duties_on_site, 120, 240, 24),
  [SW_SLOT_KIND_PUBLICITY] = KIND (duties_publicity, 60, 180, 10),
  [SW_SLOT_KIND_MEETING] = KIND (duties_meeting, 60, 90, 7),
  [SW_SLOT_KIND_OTHER] = KIND (duties_other, 60, 120, 4),
};
#undef KIND

/* A seat of a duty; the list of seats is shuffled before filling. */
typedef struct
{
  guint   slot_index;
  SwDuty *duty;
} Seat;

typedef struct
{
  GRand          *rand;
  SwOrganisation *org;
  GPtrArray      *departments;     /* SwDepartment */
  GPtrArray      *people;          /* SwPerson */
  GPtrArray      *dept_people;     /* GPtrArray of SwPerson, per department */
  GHashTable     *person_index;    /* SwPerson → index + 1 */
  GArray        **busy;            /* per person: gint64 pairs */
  GPtrArray      *slots;           /* SwSlot */
  GPtrArray      *slot_orgs;       /* GPtrArray of SwDepartment, per slot */
  GHashTable     *used_titles;
  SwGenerateCounts counts;
} Gen;

static guint
pick (Gen  *gen,
      guint n)
{
  return (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

static char *
random_uuid (Gen *gen)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (gen->rand);
  w[1] = (w[1] & 0xffff0fffu) | 0x00004000u;  /* version 4 */
  w[2] = (w[2] & 0x3fffffffu) | 0x80000000u;  /* variant 10 */

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x",
                          w[0], w[1] >> 16, w[1] & 0xffff,
                          w[2] >> 16, w[2] & 0xffff, w[3]);
}

static char *
unique_title (Gen        *gen,
              const char *base)
{
  char *title = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (gen->used_titles, title); n++)
    {
      g_free (title);
      title = g_strdup_printf ("%s（%u）", base, n);
    }
  g_hash_table_add (gen->used_titles, g_strdup (title));

  return title;
}

static char *
department_color (guint index,
                  guint n)
{
  double h = (double) index / MAX (n, 1) * 6.0;
  double s = (index % 2) ? 0.55 : 0.7;
  double v = (index % 3) ? 0.75 : 0.6;
  int sector = (int) h % 6;
  double f = h - (int) h;
  double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  double r, g, b;

  switch (sector)
    {
    case 0: r = v; g = t; b = p; break;
    case 1: r = q; g = v; b = p; break;
    case 2: r = p; g = v; b = t; break;
    case 3: r = p; g = q; b = v; break;
    case 4: r = t; g = p; b = v; break;
    default: r = v; g = p; b = q; break;
    }

  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (r * 255 + 0.5), (int) (g * 255 + 0.5), (int) (b * 255 + 0.5));
}

static gboolean
add_departments (Gen     *gen,
                 guint    n,
                 GError **error)
{
  g_autoptr(GPtrArray) towns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < G_N_ELEMENTS (town_prefixes); p++)
    for (guint s = 0; s < G_N_ELEMENTS (town_suffixes); s++)
      if (!g_str_equal (town_prefixes[p], town_suffixes[s]))
        g_ptr_array_add (towns, g_strconcat (town_prefixes[p], town_suffixes[s], "供电所", NULL));
  /* A seeded shuffle, so town names vary with the seed but not between runs. */
  for (guint i = towns->len; i > 1; i--)
    {
      guint j = pick (gen, i);
      gpointer tmp = towns->pdata[i - 1];
      towns->pdata[i - 1] = towns->pdata[j];
      towns->pdata[j] = tmp;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *name = NULL;
      g_autofree char *color = NULL;
      g_autoptr(SwDepartment) dept = NULL;
      guint nf = G_N_ELEMENTS (functional_departments);

      if (i < nf)
        base = g_strdup (functional_departments[i]);
      else if (i - nf < towns->len)
        base = g_strdup (towns->pdata[i - nf]);
      else
        base = g_strdup_printf ("第%u供电所", i - nf - towns->len + 1);

      name = g_strdup (base);
      for (guint k = 2; g_hash_table_contains (names, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s（%u）", base, k);
        }

      dept = sw_department_new (name);
      g_hash_table_add (names, (char *) sw_department_get_name (dept));
      if (g_str_has_suffix (name, "供电所") && g_utf8_strlen (name, -1) > 4)
        {
          g_autofree char *short_name = g_utf8_substring (name, 0, 2);
          g_autofree char *s = g_strconcat (short_name, "所", NULL);
          sw_department_set_short_name (dept, s);
        }
      color = department_color (i, n);
      sw_department_set_color (dept, color);
      sw_department_set_position (dept, (int) i);

      if (!sw_edit_add (gen->org, gen->org, "departments", dept, error))
        return FALSE;
      g_ptr_array_add (gen->departments, g_object_ref (dept));
      g_ptr_array_add (gen->dept_people, g_ptr_array_new ());
    }
  gen->counts.departments = n;

  return TRUE;
}

static gboolean
add_people (Gen     *gen,
            guint    n,
            GError **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_depts = gen->departments->len;

  gen->busy = g_new0 (GArray *, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = NULL;
      g_autofree char *name = NULL;
      g_autofree char *pinyin = NULL;
      g_autofree char *phone = NULL;
      SwDepartment *dept;
      guint d;
      const char *title;

      /* Unique names keep the CLI's "--person NAME" unambiguous. */
      do
        {
          const Syllable *s = &surnames[pick (gen, G_N_ELEMENTS (surnames))];
          const Syllable *g1 = &given_chars[pick (gen, G_N_ELEMENTS (given_chars))];

          g_clear_pointer (&name, g_free);
          g_clear_pointer (&pinyin, g_free);
          if (chance (gen, 0.4))
            {
              name = g_strconcat (s->hanzi, g1->hanzi, NULL);
              pinyin = g_strconcat (s->pinyin, ".", g1->pinyin, NULL);
            }
          else
            {
              const Syllable *g2 = &given_chars[pick (gen, G_N_ELEMENTS (given_chars))];

              name = g_strconcat (s->hanzi, g1->hanzi, g2->hanzi, NULL);
              pinyin = g_strconcat (s->pinyin, ".", g1->pinyin, g2->pinyin, NULL);
            }
        }
      while (g_hash_table_contains (names, name));
      g_hash_table_add (names, g_strdup (name));

      /* Every department gets people; the rest spread at random. */
      d = i < n_depts ? i : pick (gen, n_depts);
      dept = g_ptr_array_index (gen->departments, d);

      person = sw_person_new (name, dept);
      if (g_str_has_suffix (sw_department_get_name (dept), "供电所"))
        title = station_titles[pick (gen, G_N_ELEMENTS (station_titles))];
      else
        title = office_titles[pick (gen, G_N_ELEMENTS (office_titles))];
      sw_person_set_title (person, title);

      phone = g_strdup_printf ("1%c%c%04u%04u",
                               "3589"[pick (gen, 4)],
                               '0' + (char) pick (gen, 10),
                               pick (gen, 10000), pick (gen, 10000));
      sw_person_set_phone (person, phone);
      if (chance (gen, 0.35))
        {
          g_autofree char *email = g_strdup_printf ("%s%u@servweek.example", pinyin, i % 97);
          sw_person_set_email (person, email);
        }

      if (!sw_edit_add (gen->org, gen->org, "people", person, error))
        return FALSE;
      g_ptr_array_add (gen->people, g_object_ref (person));
      g_ptr_array_add (g_ptr_array_index (gen->dept_people, d), person);
      g_hash_table_insert (gen->person_index, person, GUINT_TO_POINTER (i + 1));
      gen->busy[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  gen->counts.people = n;

  return TRUE;
}

static SwSlotKind
pick_kind (Gen *gen)
{
  int total = 0, r;

  for (guint k = 0; k < SW_N_SLOT_KINDS; k++)
    total += kind_info[k].weight;
  r = (int) pick (gen, (guint) total);
  for (guint k = 0; k < SW_N_SLOT_KINDS; k++)
    {
      if (r < kind_info[k].weight)
        return (SwSlotKind) k;
      r -= kind_info[k].weight;
    }

  return SW_SLOT_KIND_OTHER;
}

static char *
slot_base_title (Gen        *gen,
                 SwSlotKind  kind,
                 const char *town)
{
  switch (kind)
    {
    case SW_SLOT_KIND_MOBILISATION:
      return g_strdup ("服务周动员大会");
    case SW_SLOT_KIND_VISIT:
      return g_strconcat ("走访", company_heads[pick (gen, G_N_ELEMENTS (company_heads))],
                          company_tails[pick (gen, G_N_ELEMENTS (company_tails))], NULL);
    case SW_SLOT_KIND_FORUM:
      return g_strdup_printf ("%s片区客户座谈会", town);
    case SW_SLOT_KIND_SERVICE_DESK:
      return g_strdup_printf ("%s广场服务台", town);
    case SW_SLOT_KIND_ON_SITE:
      return g_strconcat ("上门服务：", estate_heads[pick (gen, G_N_ELEMENTS (estate_heads))],
                          estate_tails[pick (gen, G_N_ELEMENTS (estate_tails))], NULL);
    case SW_SLOT_KIND_PUBLICITY:
      return g_strdup (publicity_topics[pick (gen, G_N_ELEMENTS (publicity_topics))]);
    case SW_SLOT_KIND_MEETING:
      return g_strdup (meeting_titles[pick (gen, G_N_ELEMENTS (meeting_titles))]);
    case SW_SLOT_KIND_OTHER:
    default:
      return g_strdup (other_titles[pick (gen, G_N_ELEMENTS (other_titles))]);
    }
}

static gboolean
add_slot (Gen     *gen,
          SwPlan  *plan,
          SwSlotKind kind,
          int      day,
          GError **error)
{
  const KindInfo *info = &kind_info[kind];
  g_autoptr(SwSlot) slot = NULL;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *town = NULL;
  g_autoptr(GPtrArray) organisers = g_ptr_array_new ();
  SwDepartment *home;
  int minutes, latest, start_min;
  guint n_orgs;

  home = g_ptr_array_index (gen->departments, pick (gen, gen->departments->len));
  town = g_utf8_substring (sw_department_get_name (home), 0, 2);
  base = slot_base_title (gen, kind, town);
  title = unique_title (gen, base);

  minutes = info->min_minutes + 30 * (int) pick (gen, (guint) ((info->max_minutes - info->min_minutes) / 30 + 1));
  if (kind == SW_SLOT_KIND_MOBILISATION)
    start_min = 14 * 60 + 30;
  else
    {
      latest = 18 * 60 - minutes;
      start_min = 8 * 60 + 30 * (int) pick (gen, (guint) ((latest - 8 * 60) / 30 + 1));
    }

  slot = sw_slot_new (kind, title,
                      sw_time_from_day (day) + start_min,
                      sw_time_from_day (day) + start_min + minutes);
  uid = random_uuid (gen);
  sw_slot_set_uid (slot, uid);
  if (kind == SW_SLOT_KIND_VISIT || kind == SW_SLOT_KIND_ON_SITE)
    sw_slot_set_location (slot, base + strlen (kind == SW_SLOT_KIND_VISIT ? "走访" : "上门服务："));
  else
    sw_slot_set_location (slot, places[pick (gen, G_N_ELEMENTS (places))]);
  if (chance (gen, 0.3))
    sw_slot_set_description (slot, "请提前十五分钟到场，佩戴工作证，统一着装。");

  if (!sw_edit_add (gen->org, plan, "slots", slot, error))
    return FALSE;

  g_ptr_array_add (organisers, home);
  n_orgs = pick (gen, 3);
  for (guint i = 0; i < n_orgs; i++)
    {
      SwDepartment *d = g_ptr_array_index (gen->departments, pick (gen, gen->departments->len));

      if (!g_ptr_array_find (organisers, d, NULL))
        g_ptr_array_add (organisers, d);
    }
  for (guint i = 0; i < organisers->len; i++)
    if (!sw_edit_add (gen->org, slot, "organisers", organisers->pdata[i], error))
      return FALSE;

  if (kind == SW_SLOT_KIND_VISIT)
    {
      g_autoptr(SwVisitTarget) target = sw_visit_target_new (sw_slot_get_location (slot));
      g_autofree char *phone = g_strdup_printf ("0371-6%03u%04u", pick (gen, 1000), pick (gen, 10000));
      SwPerson *contact = g_ptr_array_index (gen->people, pick (gen, gen->people->len));

      sw_visit_target_set_address (target, "工业大道 88 号");
      sw_visit_target_set_contact (target, sw_person_get_name (contact));
      sw_visit_target_set_phone (target, phone);
      if (!sw_edit_add (gen->org, slot, "visit-targets", target, error))
        return FALSE;
    }

  g_ptr_array_add (gen->slots, g_object_ref (slot));
  g_ptr_array_add (gen->slot_orgs, g_steal_pointer (&organisers));
  gen->counts.slots++;

  return TRUE;
}

static guint
pick_count (Gen *gen)
{
  static const guint weights[] = { 10, 25, 30, 25, 10 };  /* 1 … 5 people */
  guint r = pick (gen, 100);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (r < weights[i])
        return i + 1;
      r -= weights[i];
    }

  return 3;
}

static gboolean
add_duties (Gen       *gen,
            guint      n_duties,
            GArray    *seats,
            GError   **error)
{
  g_autofree guint *per_slot = g_new0 (guint, gen->slots->len);
  guint remaining;

  /* Every slot has one duty; the rest go to slots with room. */
  for (guint i = 0; i < gen->slots->len; i++)
    per_slot[i] = 1;
  remaining = n_duties > gen->slots->len ? n_duties - gen->slots->len : 0;
  while (remaining > 0)
    {
      guint s = pick (gen, gen->slots->len);
      SwSlotKind kind = sw_slot_get_kind (gen->slots->pdata[s]);

      if (per_slot[s] < kind_info[kind].n_duties)
        {
          per_slot[s]++;
          remaining--;
        }
    }

  for (guint s = 0; s < gen->slots->len; s++)
    {
      SwSlot *slot = gen->slots->pdata[s];
      const KindInfo *info = &kind_info[sw_slot_get_kind (slot)];
      GPtrArray *organisers = gen->slot_orgs->pdata[s];

      for (guint k = 0; k < per_slot[s]; k++)
        {
          const DutyTemplate *tpl = &info->duties[k];
          SwDepartment *dept = NULL;
          guint count = pick_count (gen);
          g_autoptr(SwDuty) duty = NULL;

          if (tpl->prefer_department && chance (gen, 0.6))
            dept = organisers->pdata[pick (gen, organisers->len)];
          duty = sw_duty_new (tpl->name, count, dept);
          sw_duty_set_position (duty, (int) k);
          if (!sw_edit_add (gen->org, slot, "duties", duty, error))
            return FALSE;
          gen->counts.duties++;

          /* A few duties stay wholly unfilled, as in a plan in progress. */
          if (chance (gen, 0.04))
            continue;
          for (guint c = 0; c < count; c++)
            {
              Seat seat = { s, duty };
              g_array_append_val (seats, seat);
            }
        }
    }

  return TRUE;
}

static gboolean
person_is_free (Gen      *gen,
                SwPerson *person,
                SwSlot   *slot)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (gen->person_index, person)) - 1;
  GArray *busy = gen->busy[index];
  gint64 start = sw_slot_get_start (slot), end = sw_slot_get_end (slot);

  if (sw_slot_find_assignment (slot, person) != NULL)
    return FALSE;
  for (guint i = 0; i + 1 < busy->len; i += 2)
    if (g_array_index (busy, gint64, i) < end && start < g_array_index (busy, gint64, i + 1))
      return FALSE;

  return TRUE;
}

static gboolean
assign (Gen      *gen,
        SwSlot   *slot,
        SwPerson *person,
        SwDuty   *duty,
        GError  **error)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (gen->person_index, person)) - 1;
  gint64 start = sw_slot_get_start (slot), end = sw_slot_get_end (slot);

  if (!sw_edit_assign (gen->org, slot, person, duty, error))
    return FALSE;
  g_array_append_val (gen->busy[index], start);
  g_array_append_val (gen->busy[index], end);
  gen->counts.assignments++;

  return TRUE;
}

static SwPerson *
find_free_person (Gen          *gen,
                  SwSlot       *slot,
                  GPtrArray    *organisers,
                  SwDepartment *required)
{
  for (guint attempt = 0; attempt < 24; attempt++)
    {
      GPtrArray *pool;
      SwPerson *person;

      if (required != NULL)
        {
          guint d = 0;

          g_ptr_array_find (gen->departments, required, &d);
          pool = gen->dept_people->pdata[d];
        }
      else if (chance (gen, 0.6))
        {
          guint d = 0;

          g_ptr_array_find (gen->departments, organisers->pdata[pick (gen, organisers->len)], &d);
          pool = gen->dept_people->pdata[d];
        }
      else
        pool = gen->people;

      if (pool->len == 0)
        continue;
      person = pool->pdata[pick (gen, pool->len)];
      if (person_is_free (gen, person, slot))
        return person;
    }

  return NULL;
}

static gboolean
add_assignments (Gen     *gen,
                 guint    target,
                 GArray  *seats,
                 GError **error)
{
  /* Fill the seats in a shuffled order until the target is reached; the
   * seats left over are the plan's unfilled duties. */
  for (guint i = seats->len; i > 1; i--)
    {
      guint j = pick (gen, i);
      Seat tmp = g_array_index (seats, Seat, i - 1);

      g_array_index (seats, Seat, i - 1) = g_array_index (seats, Seat, j);
      g_array_index (seats, Seat, j) = tmp;
    }

  for (guint i = 0; i < seats->len && gen->counts.assignments < target; i++)
    {
      Seat *seat = &g_array_index (seats, Seat, i);
      SwSlot *slot = gen->slots->pdata[seat->slot_index];
      SwPerson *person = find_free_person (gen, slot, gen->slot_orgs->pdata[seat->slot_index],
                                           sw_duty_get_department (seat->duty));

      if (person != NULL && !assign (gen, slot, person, seat->duty, error))
        return FALSE;
    }

  /* Make up the rest with attendees of meetings and forums. */
  for (guint guard = 0; gen->counts.assignments < target && guard < target * 50; guard++)
    {
      guint s = pick (gen, gen->slots->len);
      SwSlot *slot = gen->slots->pdata[s];
      SwSlotKind kind = sw_slot_get_kind (slot);
      SwPerson *person;

      if (kind != SW_SLOT_KIND_MOBILISATION && kind != SW_SLOT_KIND_MEETING && kind != SW_SLOT_KIND_FORUM)
        continue;
      person = find_free_person (gen, slot, gen->slot_orgs->pdata[s], NULL);
      if (person != NULL && !assign (gen, slot, person, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_tasks (Gen     *gen,
           SwPlan  *plan,
           guint    n,
           GError **error)
{
  static const char *patterns[] = {
    "制作%s宣传资料", "发布%s活动前预告", "撰写%s宣传报道", "报送%s总结材料",
    "准备%s服务台物资", "收集%s客户意见", "整理%s走访记录", "核对%s联系人名单",
  };
  int first = sw_plan_get_first_day (plan);
  int last = sw_plan_get_last_day (plan);

  for (guint i = 0; i < n; i++)
    {
      SwDepartment *dept = g_ptr_array_index (gen->departments, pick (gen, gen->departments->len));
      GPtrArray *staff;
      g_autofree char *base = NULL;
      g_autofree char *title = NULL;
      g_autofree char *uid = NULL;
      g_autoptr(SwTask) task = NULL;
      guint d = 0;
      int due_day;
      guint r;

      g_ptr_array_find (gen->departments, dept, &d);
      staff = gen->dept_people->pdata[d];
      base = g_strdup_printf (patterns[pick (gen, G_N_ELEMENTS (patterns))], sw_department_get_name (dept));
      title = g_strdup_printf ("%s（%u）", base, i + 1);
      task = sw_task_new (title);
      uid = random_uuid (gen);
      sw_task_set_uid (task, uid);

      if (chance (gen, 0.85))
        sw_task_set_department (task, dept);
      if (staff->len > 0 && (sw_task_get_department (task) == NULL || chance (gen, 0.5)))
        sw_task_set_person (task, staff->pdata[pick (gen, staff->len)]);

      if (chance (gen, 0.9))
        {
          due_day = first - 7 + (int) pick (gen, (guint) (last - first + 14));
          sw_task_set_due (task, sw_time_from_day (due_day) + 17 * 60);
        }
      r = pick (gen, 4);
      sw_task_set_status (task, r < 2 ? SW_TASK_STATUS_TODO : r == 2 ? SW_TASK_STATUS_DOING : SW_TASK_STATUS_DONE);
      if (chance (gen, 0.3))
        sw_task_set_slot (task, gen->slots->pdata[pick (gen, gen->slots->len)]);
      if (chance (gen, 0.2))
        sw_task_set_notes (task, "按公司宣传口径统一格式，电子版同时报送党群办。");

      if (!sw_edit_add (gen->org, plan, "tasks", task, error))
        return FALSE;
      gen->counts.tasks++;
    }

  return TRUE;
}

static gboolean
add_committee (Gen        *gen,
               SwPlan     *plan,
               const char *name,
               guint       position,
               guint       n_deputies,
               guint       n_members,
               gboolean    office_director,
               GError    **error)
{
  g_autoptr(SwCommittee) committee = sw_committee_new (name);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint total = 1 + n_deputies + n_members + (office_director ? 1 : 0);

  sw_committee_set_position (committee, (int) position);
  if (!sw_edit_add (gen->org, plan, "committees", committee, error))
    return FALSE;

  while (chosen->len < total)
    {
      SwPerson *person = gen->people->pdata[pick (gen, gen->people->len)];
      g_autoptr(SwCommitteeMember) member = NULL;
      SwRole role;
      guint k = chosen->len;

      if (g_ptr_array_find (chosen, person, NULL))
        continue;
      g_ptr_array_add (chosen, person);

      if (k == 0)
        role = SW_ROLE_LEADER;
      else if (k <= n_deputies)
        role = SW_ROLE_DEPUTY;
      else if (office_director && k == total - 1)
        role = SW_ROLE_OFFICE_DIRECTOR;
      else
        role = SW_ROLE_MEMBER;

      member = sw_committee_member_new (person, role);
      if (!sw_edit_add (gen->org, committee, "members", member, error))
        return FALSE;
    }
  gen->counts.committees++;

  return TRUE;
}

static gboolean
generate (Gen     *gen,
          guint    scale,
          SwPlan **out_plan,
          GError **error)
{
  g_autoptr(SwPlan) plan = NULL;
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (Seat));
  int first = sw_time_day_of (sw_time_from_ymdhm (2026, 9, 20, 0, 0));
  guint n_slots = 500 * scale;

  if (!add_departments (gen, 60 * scale, error) ||
      !add_people (gen, 2000 * scale, error))
    return FALSE;

  plan = sw_plan_new ("2026年诚信工程优质服务宣传周", first, first + 6, "Asia/Shanghai");
  sw_plan_set_theme (plan, "诚信服务 情系万家");
  sw_plan_set_organiser (plan, "滨河县供电公司");
  sw_plan_set_hotline (plan, "95598 / 0371-66881234");
  sw_plan_set_description (plan, "以走访客户、座谈会、广场服务台和上门服务为主要形式，"
                                  "宣传优质服务举措，听取客户意见。");
  sw_plan_set_travel_buffer (plan, 30);
  if (!sw_edit_add (gen->org, gen->org, "plans", plan, error))
    return FALSE;

  if (!add_committee (gen, plan, "领导小组", 0, 3, 8 + 4 * scale, TRUE, error) ||
      !add_committee (gen, plan, "宣传小组", 1, 1, 6 + 2 * scale, FALSE, error) ||
      !add_committee (gen, plan, "走访组", 2, 2, 10 + 4 * scale, FALSE, error) ||
      !add_committee (gen, plan, "服务台工作组", 3, 1, 8 + 2 * scale, FALSE, error) ||
      !add_committee (gen, plan, "后勤保障组", 4, 1, 5, FALSE, error))
    return FALSE;

  /* One mobilisation meeting on the first afternoon, the rest spread. */
  if (!add_slot (gen, plan, SW_SLOT_KIND_MOBILISATION, first, error))
    return FALSE;
  for (guint i = 1; i < n_slots; i++)
    if (!add_slot (gen, plan, pick_kind (gen), first + (int) pick (gen, 7), error))
      return FALSE;

  if (!add_duties (gen, 1500 * scale, seats, error) ||
      !add_assignments (gen, 4000 * scale, seats, error) ||
      !add_tasks (gen, plan, 300 * scale, error))
    return FALSE;

  *out_plan = plan;

  return TRUE;
}

SwPlan *
sw_generate_fill (SwOrganisation   *org,
                  guint             scale,
                  guint32           seed,
                  SwGenerateCounts *out_counts,
                  GError          **error)
{
  SwUndoStack *stack;
  SwPlan *plan = NULL;
  gboolean ok;
  Gen gen = { 0 };

  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (scale >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gen.rand = g_rand_new_with_seed (seed);
  gen.org = org;
  gen.departments = g_ptr_array_new_with_free_func (g_object_unref);
  gen.people = g_ptr_array_new_with_free_func (g_object_unref);
  gen.dept_people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gen.person_index = g_hash_table_new (NULL, NULL);
  gen.slots = g_ptr_array_new_with_free_func (g_object_unref);
  gen.slot_orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gen.used_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, "Generate organisation");
  ok = generate (&gen, scale, &plan, error);
  if (ok)
    ok = sw_undo_stack_end_group (stack, error);
  else
    sw_undo_stack_cancel_group (stack);

  if (ok && out_counts != NULL)
    *out_counts = gen.counts;

  if (gen.busy != NULL)
    {
      for (guint i = 0; i < gen.people->len; i++)
        g_array_unref (gen.busy[i]);
      g_free (gen.busy);
    }
  g_hash_table_unref (gen.used_titles);
  g_ptr_array_unref (gen.slot_orgs);
  g_ptr_array_unref (gen.slots);
  g_hash_table_unref (gen.person_index);
  g_ptr_array_unref (gen.dept_people);
  g_ptr_array_unref (gen.people);
  g_ptr_array_unref (gen.departments);
  g_rand_free (gen.rand);

  return ok ? plan : NULL;
}

SwOrganisation *
sw_generate_organisation (guint   scale,
                          guint32 seed)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;

  if (sw_generate_fill (org, scale, seed, NULL, &error) == NULL)
    {
      g_critical ("Cannot generate an organisation: %s", error->message);
      return NULL;
    }

  return g_steal_pointer (&org);
}
