/** The lessons list: sections by course, in the courses' order, lessons in their order within each. */
import type { Course, LessonSummary } from '../backend';
import { msg } from '../i18n/i18n.svelte';

export const COURSES: readonly Course[] = ['beginners', 'everyday', 'helpers'];

/** The section name of each course (app.ftl). */
export const COURSE_MESSAGE: Record<Course, string> = {
  beginners: msg('learn-course-beginners'),
  everyday: msg('learn-course-everyday'),
  helpers: msg('learn-course-helpers'),
};

export type CourseSection = { course: Course; messageId: string; lessons: LessonSummary[] };

/** The non-empty sections, in course order. */
export function byCourse(lessons: readonly LessonSummary[]): CourseSection[] {
  return COURSES.map((course) => ({
    course,
    messageId: COURSE_MESSAGE[course],
    lessons: lessons.filter((l) => l.course === course).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
  })).filter((s) => s.lessons.length > 0);
}
